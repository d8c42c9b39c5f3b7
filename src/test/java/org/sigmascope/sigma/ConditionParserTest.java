package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.condition.Condition.And;
import org.sigmascope.sigma.condition.Condition.Identifier;
import org.sigmascope.sigma.condition.Condition.Not;
import org.sigmascope.sigma.condition.Condition.Or;
import org.sigmascope.sigma.condition.ConditionException;
import org.sigmascope.sigma.condition.ConditionParser;
import org.sigmascope.sigma.condition.OfResolver;

/** The condition grammar: precedence or < and < not < x of < parentheses, and x-of resolution. */
class ConditionParserTest {
    private static final Identifier A = new Identifier("a");
    private static final Identifier B = new Identifier("b");
    private static final Identifier C = new Identifier("c");

    @Test
    void andBindsTighterThanOr() throws ConditionException {
        assertEquals(new Or(List.of(A, new And(List.of(B, C)))), ConditionParser.parse("a or b and c"));
    }

    @Test
    void notBindsTighterThanAnd() throws ConditionException {
        assertEquals(new And(List.of(new Not(A), B)), ConditionParser.parse("not a and b"));
    }

    @Test
    void parenthesesGroup() throws ConditionException {
        assertEquals(new And(List.of(new Or(List.of(A, B)), C)), ConditionParser.parse("(a or b) and c"));
    }

    @Test
    void keywordsIgnoreCase() throws ConditionException {
        assertEquals(new And(List.of(A, new Not(B))), ConditionParser.parse("a AND NOT b"));
    }

    @Test
    void ofBindsTighterThanNot() throws ConditionException {
        Condition parsed = ConditionParser.parse("selection and not 1 of filter_*");
        Condition resolved = OfResolver.resolve(parsed, List.of("selection", "filter_a", "filter_b"));
        assertEquals(new And(List.of(new Identifier("selection"),
                new Not(new Or(List.of(new Identifier("filter_a"), new Identifier("filter_b")))))), resolved);
    }

    @Test
    void allOfThemSkipsUnderscoreIdentifiers() throws ConditionException {
        Condition resolved = OfResolver.resolve(ConditionParser.parse("all of them"), List.of("a", "_helper", "b"));
        assertEquals(new And(List.of(A, B)), resolved);
    }

    @Test
    void underscorePatternSelectsUnderscoreIdentifiers() throws ConditionException {
        Condition resolved = OfResolver.resolve(ConditionParser.parse("1 of _h*"), List.of("a", "_h1", "_h2"));
        assertEquals(new Or(List.of(new Identifier("_h1"), new Identifier("_h2"))), resolved);
    }

    @Test
    void anyOfIsOneOf() throws ConditionException {
        assertEquals(new Or(List.of(A, B)), OfResolver.resolve(ConditionParser.parse("any of them"), List.of("a", "b")));
    }

    @Test
    void errorsSayWhatIsWrong() {
        ConditionException unbalanced = assertThrows(ConditionException.class, () -> ConditionParser.parse("(a or b"));
        assertTrue(unbalanced.getMessage().contains("unbalanced"), unbalanced.getMessage());
        ConditionException pipe = assertThrows(ConditionException.class,
                () -> ConditionParser.parse("selection | count() by host > 5"));
        assertTrue(pipe.getMessage().contains("deprecated"), pipe.getMessage());
        ConditionException near = assertThrows(ConditionException.class, () -> ConditionParser.parse("a near b"));
        assertTrue(near.getMessage().contains("deprecated"), near.getMessage());
        ConditionException missing = assertThrows(ConditionException.class,
                () -> OfResolver.resolve(ConditionParser.parse("a and d"), List.of("a")));
        assertTrue(missing.getMessage().contains("'d'"), missing.getMessage());
        ConditionException empty = assertThrows(ConditionException.class,
                () -> OfResolver.resolve(ConditionParser.parse("1 of x*"), List.of("a")));
        assertTrue(empty.getMessage().contains("matches no"), empty.getMessage());
    }
}
