package org.sigmascope.sigma;

/**
 * A document of a Sigma rule file: a detection rule or a meta filter. (Correlation rules will join this family;
 * they refer to rules by {@link #id()} or {@link #name()}.)
 */
public sealed interface SigmaDocument permits SigmaRule, SigmaFilter {

    /** The id (a UUID in SigmaHQ), or the title when the document has none. */
    String id();

    /** The unique name other documents may refer to it by, or {@code null}. */
    String name();

    String title();

    /** The file it came from, as shown to the analyst. */
    String path();

    /** The line its document starts at. */
    int line();
}
