package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sigmascope.sigma.Items.event;
import static org.sigmascope.sigma.Items.hit;
import static org.sigmascope.sigma.Items.holds;
import static org.sigmascope.sigma.Items.refusal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.sigmascope.model.Match.FieldHit;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.modifier.ModifierException;
import org.sigmascope.sigma.modifier.Modifiers;

/**
 * Every modifier of Sigma 2.1, with the edge cases of the checklist, including the modifiers SigmaHQ's rules never
 * use (exists, cased, neq, lt/lte/gt/gte, the date parts, utf16*, re's m and s).
 */
class ModifierTest {
    private static final EventView CMD = event("CommandLine", "powershell.exe -NoP -Enc SQBFAFgA",
            "Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");

    @Test
    void theRegistryKnowsEveryModifierOfTheSpecification() {
        assertTrue(Modifiers.names().containsAll(List.of("contains", "startswith", "endswith", "all", "cased", "neq",
                "windash", "base64", "base64offset", "utf16le", "wide", "utf16be", "utf16", "re", "i", "m", "s",
                "ignorecase", "multiline", "dotall", "cidr", "exists", "lt", "lte", "gt", "gte", "minute", "hour", "day",
                "week", "month", "year", "fieldref", "expand")));
        assertEquals("unknown modifier 'containz'", refusal("CommandLine|containz", "x"));
    }

    @Nested
    class Strings {
        @Test
        void containsStartswithEndswith() throws ModifierException {
            assertTrue(holds("CommandLine|contains", "-nop", CMD));
            assertTrue(holds("CommandLine|startswith", "POWERSHELL", CMD));
            assertTrue(holds("Image|endswith", "\\powershell.exe", CMD));
            assertFalse(holds("Image|startswith", "powershell", CMD));
            assertFalse(holds("CommandLine", "-nop", CMD), "without a modifier the whole value must match");
        }

        @Test
        void containsKeepsWildcardsInsideTheValue() throws ModifierException {
            assertTrue(holds("CommandLine|contains", "-nop*-enc", CMD));
            assertFalse(holds("CommandLine|contains", "-enc*-nop", CMD));
            assertTrue(holds("CommandLine|contains", "n?P", CMD));
        }

        @Test
        void escapedWildcardsAreLiteral() throws ModifierException {
            EventView star = event("CommandLine", "dir C:\\*.txt");
            assertTrue(holds("CommandLine|endswith", "\\*.txt", star));
            assertFalse(holds("CommandLine|endswith", "\\*.txt", event("CommandLine", "dir C:\\a.txt")));
        }

        @Test
        void theMatchedPartIsExplained() throws ModifierException {
            FieldHit hit = hit("CommandLine|contains", "-enc", CMD);
            assertEquals("-Enc", hit.matchedPart());
            assertEquals(List.of("contains"), hit.modifiers());
            assertEquals("-enc", hit.ruleValue());
            assertNull(hit.compared(), "a value compared as written has no derived form");
        }

        @Test
        void numbersAndBooleansMatchTheirTextForm() throws ModifierException {
            assertTrue(holds("EventID", 4688L, event("EventID", "4688")));
            assertTrue(holds("EventID", 4688L, event("EventID", 4688L)));
            assertTrue(holds("EventID", "4688", event("EventID", 4688L)));
            assertTrue(holds("Initiated", true, event("Initiated", "true")));
            assertTrue(holds("Initiated", "true", event("Initiated", true)));
            assertTrue(holds("Port|startswith", 44L, event("Port", 443L)));
        }

        @Test
        void nullMeansAbsentOrNullAndEmptyMeansPresentAndEmpty() throws ModifierException {
            assertTrue(holds("ParentImage", null, event("Image", "x")));
            assertTrue(holds("ParentImage", null, event("ParentImage", null)));
            assertFalse(holds("ParentImage", null, event("ParentImage", "")));
            assertTrue(holds("ParentImage", "", event("ParentImage", "")));
            assertFalse(holds("ParentImage", "", event("Image", "x")));
            assertFalse(holds("ParentImage", "", event("ParentImage", null)));
        }

        @Test
        void aListOfValuesIsAnyAndTheEventsListsAreSearchedItemByItem() throws ModifierException {
            assertTrue(holds("Image|endswith", List.of("\\cmd.exe", "\\powershell.exe"), CMD));
            EventView data = event("Data", List.of("HostApplication=powershell.exe", "EngineVersion=5.1"));
            assertTrue(holds("Data|contains", "EngineVersion=5", data));
            assertFalse(holds("Data", "EngineVersion", data));
        }

        @Test
        void allNeedsEveryValue() throws ModifierException {
            assertTrue(holds("CommandLine|contains|all", List.of("-nop", "-enc"), CMD));
            assertFalse(holds("CommandLine|contains|all", List.of("-nop", "-windowstyle"), CMD));
            assertEquals("the modifier 'all' needs a list of values, not a single value",
                    refusal("CommandLine|contains|all", "-nop"));
        }

        @Test
        void keywordsSearchEveryFieldAndAllMakesThemAnd() throws ModifierException {
            assertTrue(holds("", List.of("sekurlsa", "-enc"), CMD));
            assertTrue(holds("|all", List.of("-nop", "windowspowershell"), CMD),
                    "keywords with all may be found in different fields");
            assertFalse(holds("|all", List.of("-nop", "mimikatz"), CMD));
            FieldHit hit = hit("", List.of("WINDOWSPOWERSHELL"), CMD);
            assertEquals("(keyword in Image)", hit.field());
            assertEquals("WindowsPowerShell", hit.matchedPart());
        }

        @Test
        void casedComparesCaseSensitively() throws ModifierException {
            assertFalse(holds("CommandLine|contains|cased", "-nop", CMD));
            assertTrue(holds("CommandLine|contains|cased", "-NoP", CMD));
            assertTrue(holds("CommandLine|cased|contains", "-NoP", CMD), "cased applies to the whole item");
            assertEquals("the modifier 'cased' cannot apply to a regular expression (re)",
                    refusal("CommandLine|re|cased", "x"));
        }
    }

    @Nested
    class Neq {
        @Test
        void neqHoldsWhenTheFieldDiffers() throws ModifierException {
            assertTrue(holds("User|neq", "SYSTEM", event("User", "alice")));
            assertFalse(holds("User|neq", "SYSTEM", event("User", "system")));
        }

        @Test
        void neqHoldsWhenTheFieldIsAbsentAsPySigmaNegatesTheItem() throws ModifierException {
            assertTrue(holds("User|neq", "SYSTEM", event("Image", "x")));
        }

        @Test
        void neqOfAListHoldsWhenNoneMatches() throws ModifierException {
            assertTrue(holds("User|neq", List.of("SYSTEM", "LOCAL SERVICE"), event("User", "alice")));
            assertFalse(holds("User|neq", List.of("SYSTEM", "LOCAL SERVICE"), event("User", "local service")));
            assertTrue(holds("CommandLine|contains|neq", List.of("-nop", "-w"), event("CommandLine", "a b")));
            assertFalse(holds("CommandLine|neq|contains", List.of("-nop", "-w"), CMD));
        }

        @Test
        void theExplanationOfNeqSaysWhatTheEventHasInstead() throws ModifierException {
            FieldHit hit = hit("User|neq", "SYSTEM", event("User", "alice"));
            assertEquals("alice", hit.eventValue());
            assertEquals("not SYSTEM", hit.compared());
        }
    }

    @Nested
    class Windash {
        @Test
        void everyDashCharacterStandsForTheOthers() throws ModifierException {
            for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
                EventView event = event("CommandLine", "ping " + dash + "n 1 127.0.0.1");
                assertTrue(holds("CommandLine|windash|contains", " -n ", event), dash);
                assertTrue(holds("CommandLine|windash|contains", " /n ", event), dash);
            }
            assertFalse(holds("CommandLine|windash|contains", " -n ", event("CommandLine", "ping +n 1")));
        }

        @Test
        void onlyDashesThatStartAnOptionChange() throws ModifierException {
            // '\B[-/]\b': after a non-word character, before a word character
            assertTrue(holds("CommandLine|windash", "-x", event("CommandLine", "/x")), "at the start");
            assertFalse(holds("CommandLine|windash|contains", "a-b", event("CommandLine", "a/b")),
                    "a dash inside a word is literal");
            assertFalse(holds("CommandLine|windash|contains", " - ", event("CommandLine", " / ")),
                    "a dash before a space is literal");
        }

        @Test
        void theExplanationShowsTheVariantsAndWhatMatched() throws ModifierException {
            FieldHit hit = hit("CommandLine|windash|contains", " -enc ", event("CommandLine", "pwsh \u2014enc AAA"));
            assertEquals(" [-/\u2013\u2014\u2015]enc ", hit.compared());
            assertEquals(" \u2014enc ", hit.matchedPart());
        }

        @Test
        void windashWithAllNeedsEveryOption() throws ModifierException {
            EventView event = event("CommandLine", "certutil /urlcache -f /split http://x");
            assertTrue(holds("CommandLine|windash|contains|all", List.of(" -urlcache ", " /f ", " -split "), event));
            assertFalse(holds("CommandLine|windash|contains|all", List.of(" -urlcache ", " -decode "), event));
        }
    }

    @Nested
    class Encodings {
        @Test
        void base64EncodesUtf8AndComparesExactly() throws ModifierException {
            EventView event = event("Payload", "x cG93ZXJzaGVsbA== y");
            assertTrue(holds("Payload|base64|contains", "powershell", event));
            assertFalse(holds("Payload|base64|contains", "powershell", event("Payload", "CG93ZXJZAGVSBA==")),
                    "base64 letters of another case are other bytes");
            assertEquals("w4Q=", hit("Payload|base64", "Ä", event("Payload", "w4Q=")).compared());
        }

        @Test
        void base64RefusesWildcards() {
            assertTrue(refusal("Payload|base64|contains", "power*shell").contains("wildcards"));
            assertTrue(refusal("Payload|contains|base64", "powershell").contains("wildcards"),
                    "contains before base64 adds wildcards");
        }

        @Test
        void base64offsetFindsTheValueAtEachOfTheThreeOffsets() throws ModifierException {
            // pySigma: for i in 0..2, b64encode(" " * i + value)[(0,2,3)[i] : (None,-3,-2)[(len + i) % 3]]
            for (String encoded : List.of("SGVsbG", "hlbGxv", "IZWxsb")) {
                FieldHit hit = hit("Payload|base64offset|contains", "Hello", event("Payload", "..." + encoded + "..."));
                assertEquals(encoded, hit.compared());
                assertEquals(encoded, hit.matchedPart());
            }
            for (String encoded : List.of("cG93ZXJzaGVsb", "Bvd2Vyc2hlbG", "wb3dlcnNoZWxs")) {
                assertTrue(holds("Payload|base64offset|contains", "powershell", event("Payload", encoded)));
            }
            assertFalse(holds("Payload|base64offset|contains", "Hello", event("Payload", "SGVsbA")));
        }

        @Test
        void base64offsetFindsTextInsideRealBase64AtAnyPosition() throws ModifierException {
            String text = "start Invoke-Mimikatz end";
            for (int shift = 0; shift < 3; shift++) {
                String encoded = java.util.Base64.getEncoder().encodeToString(("x".repeat(shift) + text).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(holds("Payload|base64offset|contains", "Invoke-Mimikatz", event("Payload", encoded)),
                        "shift " + shift);
            }
        }

        @Test
        void utf16ModifiersEncodeBeforeBase64() throws ModifierException {
            assertTrue(holds("Payload|utf16le|base64", "ping", event("Payload", "cABpAG4AZwA=")));
            assertTrue(holds("Payload|wide|base64", "ping", event("Payload", "cABpAG4AZwA=")));
            assertTrue(holds("Payload|utf16be|base64", "ping", event("Payload", "AHAAaQBuAGc=")));
            assertTrue(holds("Payload|utf16|base64", "ping", event("Payload", "//5wAGkAbgBnAA==")),
                    "utf16 starts with the byte order mark FF FE");
            assertTrue(holds("Payload|wide|base64", "Ä", event("Payload", "xAA=")), "non-ASCII text is encoded too");
            for (String encoded : List.of("cABpAG4AZw", "AAaQBuAGcA", "wAGkAbgBnA")) {
                assertTrue(holds("Payload|wide|base64offset|contains", "ping", event("Payload", "x" + encoded + "y")));
            }
        }

        @Test
        void utf16WithoutBase64MatchesTheRawBytesAsText() throws ModifierException {
            assertTrue(holds("Blob|wide|contains", "ab", event("Blob", "..a\u0000b\u0000..")));
            assertTrue(refusal("Blob|wide", "a*").contains("wildcards"));
        }
    }

    @Nested
    class RegularExpressions {
        @Test
        void reSearchesAnywhereAndIsCaseSensitive() throws ModifierException {
            assertTrue(holds("CommandLine|re", "-En[cd]", CMD));
            assertFalse(holds("CommandLine|re", "-enc", CMD));
            assertTrue(holds("CommandLine|re|i", "-enc", CMD));
            assertTrue(holds("CommandLine|re|ignorecase", "-enc", CMD));
            FieldHit hit = hit("CommandLine|re", "S[A-Z]+F", CMD);
            assertEquals("SQBFAF", hit.matchedPart());
        }

        @Test
        void reTakesTheValueAsWrittenWithoutWildcardProcessing() throws ModifierException {
            assertTrue(holds("Image|re", "\\\\v1\\.0\\\\powershell\\.exe$", CMD));
            assertTrue(holds("CommandLine|re", "\\s-NoP\\s", CMD));
            assertFalse(holds("CommandLine|re", "NoP.*?x", CMD));
        }

        @Test
        void multilineAndDotallChangeAnchorsAndDots() throws ModifierException {
            EventView script = event("ScriptBlockText", "line one\nInvoke-Thing\nline three");
            assertFalse(holds("ScriptBlockText|re", "^Invoke", script));
            assertTrue(holds("ScriptBlockText|re|m", "^Invoke-Thing$", script));
            assertTrue(holds("ScriptBlockText|re|multiline", "^Invoke-Thing$", script));
            assertFalse(holds("ScriptBlockText|re", "one.Invoke", script));
            assertTrue(holds("ScriptBlockText|re|s", "one.Invoke", script));
            assertTrue(holds("ScriptBlockText|re|dotall", "one.Invoke", script));
            assertTrue(holds("ScriptBlockText|re|i|m|s", "^INVOKE.*THREE$", script));
        }

        @Test
        void pythonSyntaxIsTranslated() throws ModifierException {
            assertTrue(holds("CommandLine|re", "(?P<flag>-NoP) (?P=flag)?", CMD), "named groups");
            assertTrue(holds("Data|re", "a{,2}b\\Z", event("Data", "xaab")), "{,m} and \\Z");
            assertTrue(holds("Data|re", "{x}", event("Data", "a{x}b")), "a brace that is no repetition");
            assertTrue(holds("Data|re", "[[]x", event("Data", "[x")), "a bracket inside a class");
        }

        @Test
        void catastrophicBacktrackingGivesUpInsteadOfStalling() throws ModifierException {
            // (.*a){25} tries every way to cut the a's into 25 runs before it can say no: minutes on 40 characters.
            org.sigmascope.sigma.detection.FieldCondition item = Items.item("Data|re", "(.*a){25}b");
            org.sigmascope.sigma.detection.RegexMatcher matcher =
                    (org.sigmascope.sigma.detection.RegexMatcher) item.matchers().get(0);
            assertNull(item.evaluate(event("Data", "a".repeat(40) + "!")));
            assertEquals(1, matcher.abandoned(), "the search gave up after its budget of character reads");
            // The budget grows with the value: an ordinary search through a long script block is not cut short.
            org.sigmascope.sigma.detection.FieldCondition plain = Items.item("Data|re|i", "invoke-\\w+ -dump");
            assertTrue(plain.evaluate(event("Data", "x ".repeat(200_000) + "Invoke-Mimikatz -Dump")) != null);
            assertEquals(0, ((org.sigmascope.sigma.detection.RegexMatcher) plain.matchers().get(0)).abandoned());
        }

        @Test
        void contentsAroundReAreNoOpsAndOtherModifiersAreRefused() throws ModifierException {
            assertTrue(holds("CommandLine|re|contains", "NoP", CMD));
            assertTrue(holds("CommandLine|re|startswith", "NoP", CMD), "re is a search; startswith adds nothing");
            assertTrue(refusal("CommandLine|contains|re", "x").contains("must come first"));
            assertTrue(refusal("CommandLine|i", "x").contains("needs 're' before it"));
            assertTrue(refusal("CommandLine|re", "(unclosed").startsWith("invalid regular expression"));
        }
    }

    @Nested
    class Networks {
        @Test
        void ipv4Networks() throws ModifierException {
            assertTrue(holds("DestinationIp|cidr", "10.0.0.0/8", event("DestinationIp", "10.20.30.40")));
            assertFalse(holds("DestinationIp|cidr", "10.0.0.0/8", event("DestinationIp", "11.0.0.1")));
            assertTrue(holds("DestinationIp|cidr", "192.168.1.7", event("DestinationIp", "192.168.1.7")),
                    "a single address is a /32");
            assertTrue(holds("DestinationIp|cidr", "172.16.0.0/12", event("DestinationIp", "172.31.255.255")));
            assertFalse(holds("DestinationIp|cidr", "172.16.0.0/12", event("DestinationIp", "172.32.0.0")));
        }

        @Test
        void ipv6Networks() throws ModifierException {
            assertTrue(holds("DestinationIp|cidr", "fe80::/10", event("DestinationIp", "fe80::1c5a:2e3f:9b01:42%12")));
            assertTrue(holds("DestinationIp|cidr", "2001:db8::/32", event("DestinationIp", "2001:0DB8:0:0:0:0:0:1")));
            assertFalse(holds("DestinationIp|cidr", "2001:db8::/32", event("DestinationIp", "2001:db9::1")));
            assertTrue(holds("DestinationIp|cidr", "::1/128", event("DestinationIp", "0:0:0:0:0:0:0:1")));
            assertTrue(holds("DestinationIp|cidr", "fc00::/7", event("DestinationIp", "fd12:3456::7")));
            assertFalse(holds("DestinationIp|cidr", "fc00::/7", event("DestinationIp", "10.0.0.1")),
                    "families never mix");
        }

        @Test
        void ipv4MappedIpv6AddressesMatchIpv4Networks() throws ModifierException {
            assertTrue(holds("IpAddress|cidr", "10.0.0.0/8", event("IpAddress", "::ffff:10.1.2.3")));
        }

        @Test
        void valuesThatAreNoAddressesNeverMatch() throws ModifierException {
            for (String value : List.of("-", "", "localhost", "10.0.0", "10.0.0.256", "1:2:3", "::g")) {
                assertFalse(holds("IpAddress|cidr", "0.0.0.0/0", event("IpAddress", value)), value);
            }
        }

        @Test
        void badNetworksAndChainsAreRefused() {
            assertTrue(refusal("IpAddress|cidr", "10.0.0.0/33").contains("prefix length"));
            assertTrue(refusal("IpAddress|cidr", "ten.0.0.0/8").contains("not an IPv4 or IPv6 network"));
            assertTrue(refusal("IpAddress|contains|cidr", "10.0.0.0/8").contains("must come first"));
        }
    }

    @Nested
    class Existence {
        @Test
        void existsTellsPresentFromAbsentWhateverTheValue() throws ModifierException {
            assertTrue(holds("ParentImage|exists", true, event("ParentImage", "")));
            assertTrue(holds("ParentImage|exists", true, event("ParentImage", null)), "present with a null value");
            assertFalse(holds("ParentImage|exists", true, event("Image", "x")));
            assertTrue(holds("ParentImage|exists", false, event("Image", "x")));
            assertFalse(holds("ParentImage|exists", false, event("ParentImage", "x")));
            assertTrue(holds("Data|exists", true, event("Data", List.of())), "an empty list is present");
        }

        @Test
        void existsNeedsABooleanAFieldAndNoOtherModifier() {
            assertTrue(refusal("ParentImage|exists", "yes").contains("needs true or false"));
            assertTrue(refusal("ParentImage|exists|contains", true).contains("only modifier"));
            assertTrue(refusal("|exists", true).contains("needs a field name"));
        }
    }

    @Nested
    class Comparisons {
        @Test
        void numericComparisons() throws ModifierException {
            EventView event = event("LogonType", 10L, "GrantedAccess", "0x1410", "Size", "1.5e3");
            assertTrue(holds("LogonType|gt", 3L, event));
            assertTrue(holds("LogonType|gte", 10L, event));
            assertFalse(holds("LogonType|lt", 10L, event));
            assertTrue(holds("LogonType|lte", 10L, event));
            assertTrue(holds("GrantedAccess|gt", 5000L, event), "0x1410 is 5136");
            assertTrue(holds("Size|gte", 1500L, event));
            assertTrue(holds("LogonType|lt", 10.5, event), "the rule's number may have a fraction");
            assertTrue(holds("LogonType|gt", "3", event), "a quoted number is a number");
        }

        @Test
        void valuesThatAreNoNumbersNeverMatch() throws ModifierException {
            assertFalse(holds("LogonType|gt", 0L, event("LogonType", "Interactive")));
            assertFalse(holds("LogonType|lt", 100L, event("Image", "x")));
            assertTrue(refusal("LogonType|gt", "three").contains("needs a number"));
            assertEquals("> 3", hit("LogonType|gt", 3L, event("LogonType", 10L)).compared());
        }

        @Test
        void datePartsAreReadInUtc() throws ModifierException {
            EventView event = event("TimeCreated_SystemTime", "2024-03-11T23:42:07.5180000Z", "Epoch", 1710200527L);
            assertTrue(holds("TimeCreated_SystemTime|minute", 42L, event));
            assertTrue(holds("TimeCreated_SystemTime|hour", 23L, event));
            assertTrue(holds("TimeCreated_SystemTime|day", 11L, event));
            assertTrue(holds("TimeCreated_SystemTime|week", 11L, event), "ISO week 11 of 2024");
            assertTrue(holds("TimeCreated_SystemTime|month", 3L, event));
            assertTrue(holds("TimeCreated_SystemTime|year", 2024L, event));
            assertTrue(holds("TimeCreated_SystemTime|hour", List.of(22L, 23L, 0L), event));
            assertTrue(holds("Epoch|hour", 23L, event), "seconds since 1970");
            assertFalse(holds("TimeCreated_SystemTime|hour", 22L, event));
            assertTrue(holds("TimeCreated_SystemTime|hour", 3L, event("TimeCreated_SystemTime",
                    "2024-03-12T05:00:00+02:00")), "an offset is converted to UTC");
            assertFalse(holds("Image|hour", 1L, event("Image", "C:\\x.exe")));
        }

        @Test
        void datePartsOutOfRangeAreRefused() {
            assertTrue(refusal("TimeCreated_SystemTime|hour", 24L).contains("0 to 23"));
            assertTrue(refusal("TimeCreated_SystemTime|month", 0L).contains("1 to 12"));
            assertTrue(refusal("TimeCreated_SystemTime|minute", 1.5).contains("whole number"));
        }
    }

    @Nested
    class FieldReferences {
        private final EventView event = event("TargetUserName", "ALICE", "SubjectUserName", "alice",
                "CommandLine", "runas /user:alice cmd", "ParentUser", null);

        @Test
        void fieldrefComparesWithAnotherFieldOfTheEvent() throws ModifierException {
            assertTrue(holds("TargetUserName|fieldref", "SubjectUserName", event));
            assertFalse(holds("TargetUserName|fieldref|cased", "SubjectUserName", event));
            assertFalse(holds("TargetUserName|fieldref", "CommandLine", event));
            assertFalse(holds("TargetUserName|fieldref", "NoSuchField", event));
            assertFalse(holds("TargetUserName|fieldref", "ParentUser", event), "a null reference never matches");
            assertTrue(holds("TargetUserName|fieldref|neq", "CommandLine", event));
        }

        @Test
        void fieldrefWithContainsStartswithEndswith() throws ModifierException {
            assertTrue(holds("CommandLine|fieldref|contains", "SubjectUserName", event));
            assertFalse(holds("CommandLine|fieldref|startswith", "SubjectUserName", event));
            assertTrue(holds("CommandLine|fieldref|endswith", "CommandLine", event));
            FieldHit hit = hit("CommandLine|fieldref|contains", "SubjectUserName", event);
            assertEquals("alice", hit.matchedPart());
            assertEquals("SubjectUserName = alice", hit.compared());
        }

        @Test
        void fieldrefNeedsAFieldName() {
            assertTrue(refusal("CommandLine|fieldref", "Subject*").contains("wildcards"));
            assertTrue(refusal("CommandLine|contains|fieldref", "Subject").contains("wildcards"));
        }
    }

    @Nested
    class Placeholders {
        private final org.sigmascope.sigma.Placeholders values = new org.sigmascope.sigma.Placeholders(Map.of(
                "Admins", List.of("admin*", "root"), "domain", List.of("CORP"), "dc", List.of("DC01", "DC02")),
                "test");

        private boolean expands(String key, Object value, EventView event) throws ModifierException {
            return Items.item(key, value, values).evaluate(event) != null;
        }

        @Test
        void expandReplacesAPlaceholderByItsValuesWithWildcards() throws ModifierException {
            assertTrue(expands("User|expand", "%Admins%", event("User", "administrator")));
            assertTrue(expands("User|expand", "%Admins%", event("User", "ROOT")));
            assertFalse(expands("User|expand", "%Admins%", event("User", "alice")));
        }

        @Test
        void embeddedPlaceholdersMakeEveryCombination() throws ModifierException {
            assertTrue(expands("Target|expand", "%dc%.%domain%.local", event("Target", "dc02.corp.local")));
            assertFalse(expands("Target|expand", "%dc%.%domain%.local", event("Target", "DC03.CORP.local")));
            assertTrue(expands("CommandLine|contains|expand", "%domain%", event("CommandLine", "net use \\\\CORP\\x")));
        }

        @Test
        void anEscapedPercentIsLiteral() throws ModifierException {
            assertTrue(expands("Path|expand", "\\%domain\\%", event("Path", "%domain%")));
        }

        @Test
        void anUnresolvedPlaceholderRefusesTheRuleWithAReason() {
            assertTrue(refusal("User|expand", "%Admins%").contains("needs a placeholders file"));
            ModifierException missing = org.junit.jupiter.api.Assertions.assertThrows(ModifierException.class,
                    () -> Items.item("User|expand", "%nobody%", values));
            assertEquals("the placeholder %nobody% has no value: test does not define it", missing.getMessage());
        }

        @Test
        void theExplanationShowsTheValueThePlaceholderGave() throws ModifierException {
            FieldHit hit = Items.item("User|expand", "%Admins%", values).evaluate(event("User", "root")).get(0);
            assertEquals("%Admins%", hit.ruleValue());
            assertEquals("root", hit.compared());
        }
    }
}
