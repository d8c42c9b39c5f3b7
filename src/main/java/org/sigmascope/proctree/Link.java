package org.sigmascope.proctree;

import java.time.Duration;

/**
 * How a process's parent was found, with the evidence used.
 *
 * @param kind      exact, inferred or unknown
 * @param reason    the basis of the link, or why the parent is unknown
 * @param parent    the parent's id in the tree, or -1 (a placeholder parent has an id like any process)
 * @param candidate for an unknown link, the process that held the parent's id but was refused (stopped, other
 *                  logon session, other image), or -1
 * @param gap       the child's start minus the parent's start (or its first evidence), or {@code null}
 * @param logon     whether the creator's logon session in the child's event agreed with the parent's (or the
 *                  refused candidate's)
 * @param image     whether the parent image the child's event names agreed with the parent's (or the candidate's)
 * @param commandLine whether the parent command line the child's event names (Sysmon's {@code ParentCommandLine})
 *                  agreed with the parent's (or the candidate's)
 */
public record Link(LinkKind kind, LinkReason reason, int parent, int candidate, Duration gap, Check logon,
                   Check image, Check commandLine) {
}
