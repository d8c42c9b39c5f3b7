package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Detection;

/** The examples of the Sigma correlation specification, run on events made for them. */
class SpecExamplesTest {
    @TempDir
    Path dir;

    /** The specification's complete example: many failed logons by one user, then a successful one (a chain). */
    private static final String FAILED_THEN_SUCCESS = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            description: Detects multiple failed logins by a single user followed by a successful login of that user
            references:
                - https://reference.com
            author: Florian Roth (Nextron Systems)
            date: 2023-06-16
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            falsepositives:
                - Unlikely
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            description: Detects multiple failed logins within a certain amount of time
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            description: Detects a successful login
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;

    @Test
    void failedLoginsFollowedBySuccessfulLogin() {
        Fixture f = Fixture.rules(dir, FAILED_THEN_SUCCESS);
        for (int i = 0; i < 10; i++) {
            f.event(i * 30, 4625, "User", "alice");       // ids 1-10, over 4.5 minutes
        }
        f.event(300, 4624, "User", "alice");              // id 11: the success that follows
        for (int i = 0; i < 9; i++) {
            f.event(10 + i * 30, 4625, "User", "bob");    // ids 12-20: one short of ten
        }
        f.event(320, 4624, "User", "bob");                // id 21
        List<Detection> hits = f.hits();
        assertEquals(List.of("b180ead8-d58f-40b2-ae54-c8940995b9b6 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"),
                Fixture.summary(hits), "only the outer correlation reports: generate is false by default");
        Detection hit = hits.get(0);
        assertEquals("temporal_ordered", hit.correlation().type());
        assertEquals(Map.of("User", "alice"), hit.correlation().group());
        assertEquals(11, hit.event().id(), "the hit's event is its last one");
        assertEquals("Florian Roth (Nextron Systems)", hit.rule().author());
    }

    @Test
    void theSuccessBeforeTheFailuresIsTheWrongOrder() {
        Fixture f = Fixture.rules(dir, FAILED_THEN_SUCCESS);
        f.event(0, 4624, "User", "alice");
        for (int i = 0; i < 10; i++) {
            f.event(10 + i * 30, 4625, "User", "alice");
        }
        assertEquals(List.of(), f.hits());
    }
}
