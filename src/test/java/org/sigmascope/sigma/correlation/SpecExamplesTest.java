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

    /** One failed-logon rule, referred to by id as in the specification's simple examples. */
    private static final String FAILED_LOGON = """
            title: Failed logon
            id: 5638f7c0-ac70-491d-8465-2a65075e0d86
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 4625}, condition: selection}
            """;

    /** The specification's event_count example: 100 or more failed logons to one host in an hour. */
    @Test
    void manyFailedLoginsToOneHostInAnHour() {
        Fixture f = Fixture.rules(dir, FAILED_LOGON + """
                ---
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                    type: event_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 100
                """);
        for (int i = 0; i < 100; i++) {
            f.event(i * 36.0, 4625, "ComputerName", "DC01");      // ids 1-100: the 100th at 59:24
        }
        for (int i = 0; i < 100; i++) {
            f.event(i * 36.37, 4625, "ComputerName", "DC02");     // ids 101-200: the 100th at 1:00:00.63, too late
        }
        List<Detection> hits = f.hits();
        assertEquals(1, hits.size(), Fixture.summary(hits).toString());
        assertEquals(Map.of("ComputerName", "DC01"), hits.get(0).correlation().group());
        assertEquals(100, hits.get(0).correlation().eventIds().size());
    }

    /** The specification's value_count example: 100 or more distinct users failing per source and host in a day. */
    @Test
    void failedLogonsWithManyDifferentUsersInADay() {
        Fixture f = Fixture.rules(dir, FAILED_LOGON + """
                ---
                title: Failed login
                id: 0e95725d-7320-415d-80f7-004da920fc12
                correlation:
                    type: value_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                        - WorkstationName
                    timespan: 1d
                    condition:
                        field: User
                        gte: 100
                """);
        for (int i = 0; i < 100; i++) {                 // ids 1-200: 100 users, each twice, from KALI to DC01
            f.event(i * 600.0, 4625, "ComputerName", "DC01", "WorkstationName", "KALI", "User", "user" + i);
            f.event(i * 600.0 + 1, 4625, "ComputerName", "DC01", "WorkstationName", "KALI", "User", "user" + i);
        }
        for (int i = 0; i < 99; i++) {                  // ids 201-398: 99 users from another workstation
            f.event(i * 600.0, 4625, "ComputerName", "DC01", "WorkstationName", "WS07", "User", "user" + i);
            f.event(i * 600.0 + 1, 4625, "ComputerName", "DC01", "WorkstationName", "WS07", "User", "USER" + i);
        }
        List<Detection> hits = f.hits();
        assertEquals(List.of(Map.of("ComputerName", "DC01", "WorkstationName", "WS07"),
                        Map.of("ComputerName", "DC01", "WorkstationName", "KALI")),
                hits.stream().map(h -> h.correlation().group()).toList(),
                "user0 and USER0 are two values, so WS07 reaches 100 first (hits come in time order)");
        assertEquals(200, hits.get(1).correlation().eventIds().size(), "the hit keeps the repeated users' events");
    }

    /** The specification's temporal example: three reconnaissance commands, any order, same host and user, 5 min. */
    @Test
    void reconnaissanceCommandsInAnyOrder() {
        StringBuilder yaml = new StringBuilder();
        Map<String, String> commands = Map.of("a", "whoami", "b", "ipconfig", "c", "net");
        for (Map.Entry<String, String> command : commands.entrySet()) {
            yaml.append("""
                    title: Recon %2$s
                    name: recon_cmd_%1$s
                    logsource: {product: windows, service: security}
                    detection: {selection: {EventID: 4688, NewProcessName|endswith: '\\%2$s.exe'}, condition: selection}
                    ---
                    """.formatted(command.getKey(), command.getValue()));
        }
        Fixture f = Fixture.rules(dir, yaml + """
                title: Recon
                id: recon
                correlation:
                    type: temporal
                    rules:
                        - recon_cmd_a
                        - recon_cmd_b
                        - recon_cmd_c
                    group-by:
                        - ComputerName
                        - User
                    timespan: 5m
                """);
        f.event(0, 4688, "ComputerName", "WS01", "User", "eve", "NewProcessName", "C:\\Windows\\System32\\net.exe")
                .event(100, 4688, "ComputerName", "WS01", "User", "eve", "NewProcessName", "C:\\w\\whoami.exe")
                .event(300, 4688, "ComputerName", "WS01", "User", "eve", "NewProcessName", "C:\\w\\ipconfig.exe")
                // the same three for another user, the last just over 5 minutes after the first
                .event(0, 4688, "ComputerName", "WS01", "User", "bob", "NewProcessName", "C:\\w\\whoami.exe")
                .event(150, 4688, "ComputerName", "WS01", "User", "bob", "NewProcessName", "C:\\w\\net.exe")
                .event(300.001, 4688, "ComputerName", "WS01", "User", "bob", "NewProcessName", "C:\\w\\ipconfig.exe");
        assertEquals(List.of("recon [1, 2, 3]"), Fixture.summary(f.hits()));
    }
}
