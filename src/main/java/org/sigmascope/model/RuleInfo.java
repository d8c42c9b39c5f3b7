package org.sigmascope.model;

import java.util.List;

/**
 * What a detection needs to say about the rule that made it. The author travels with every detection because
 * the Detection Rule License of the SigmaHQ rules requires attribution.
 *
 * @param id          the rule's id (a UUID in SigmaHQ), or its title when the rule has none
 * @param title       the rule's title
 * @param level       the rule's level
 * @param status      stable, test, experimental, deprecated, unsupported, or {@code ""}
 * @param author      the rule's author(s), or {@code ""}
 * @param description the rule's description, or {@code ""}
 * @param references  links the rule cites
 * @param tags        the rule's tags ({@code attack.t1546.003} …)
 * @param license     the licence the rule carries, or {@code ""}
 * @param path        the file the rule came from (for built-in rules, its name inside the application)
 * @param product     the product of the rule's logsource ({@code windows}, {@code linux}, {@code aws} …), or
 *                    {@code ""} when it names none
 */
public record RuleInfo(String id, String title, Level level, String status, String author, String description,
                       List<String> references, List<String> tags, String license, String path, String product) {
    public RuleInfo {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        product = product == null ? "" : product;
    }

    /** A rule whose product is not known (read back from a store that did not keep it). */
    public RuleInfo(String id, String title, Level level, String status, String author, String description,
                    List<String> references, List<String> tags, String license, String path) {
        this(id, title, level, status, author, description, references, tags, license, path, "");
    }
}
