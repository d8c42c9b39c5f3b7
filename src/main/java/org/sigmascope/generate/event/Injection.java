package org.sigmascope.generate.event;

/**
 * Marks an event as injected by a scenario, for the ground truth.
 *
 * @param scenarioId the scenario's id in this run ({@code S01} …)
 * @param scenario   the scenario kind ({@code wmi-persistence-wmic} …)
 * @param technique  the ATT&amp;CK technique ({@code T1546.003})
 * @param decoy      whether the scenario is a decoy (the story's events, in the wrong order or too far apart)
 */
public record Injection(String scenarioId, String scenario, String technique, boolean decoy) {
}
