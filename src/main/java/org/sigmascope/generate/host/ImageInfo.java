package org.sigmascope.generate.host;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The version resource of an executable, as Sysmon reports it, and its hashes (made up, but stable per path).
 *
 * @param fileVersion      {@code FileVersion}
 * @param description      {@code Description}
 * @param product          {@code Product}
 * @param company          {@code Company}
 * @param originalFileName {@code OriginalFileName}
 * @param hashes           {@code Hashes}: {@code SHA1=…,MD5=…,SHA256=…,IMPHASH=…}
 */
public record ImageInfo(String fileVersion, String description, String product, String company,
                        String originalFileName, String hashes) {

    private static final String WINDOWS = "Microsoft® Windows® Operating System";
    private static final String MICROSOFT = "Microsoft Corporation";
    private static final String WIN_VERSION = "10.0.19041.3636 (WinBuild.160101.0800)";
    private static final Map<String, String[]> KNOWN = new HashMap<>();
    /** Hashing a path is slow next to writing an event; the catalogue of paths is small. */
    private static final Map<String, ImageInfo> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        windows("smss.exe", "Windows Session Manager");
        windows("csrss.exe", "Client Server Runtime Process");
        windows("wininit.exe", "Windows Start-Up Application");
        windows("winlogon.exe", "Windows Logon Application");
        windows("services.exe", "Services and Controller app");
        windows("lsass.exe", "Local Security Authority Process");
        windows("svchost.exe", "Host Process for Windows Services");
        windows("fontdrvhost.exe", "Usermode Font Driver Host");
        windows("dwm.exe", "Desktop Window Manager");
        windows("LogonUI.exe", "Windows Logon User Interface Host");
        windows("userinit.exe", "Userinit Logon Application");
        windows("explorer.exe", "Windows Explorer");
        windows("spoolsv.exe", "Spooler SubSystem App");
        windows("SearchIndexer.exe", "Microsoft Windows Search Indexer");
        windows("SearchProtocolHost.exe", "Microsoft Windows Search Protocol Host");
        windows("SearchFilterHost.exe", "Microsoft Windows Search Filter Host");
        windows("WmiPrvSE.exe", "WMI Provider Host");
        windows("scrcons.exe", "WMI Standard Event Consumer - scripting");
        windows("RuntimeBroker.exe", "Runtime Broker");
        windows("dllhost.exe", "COM Surrogate");
        windows("taskhostw.exe", "Host Process for Windows Tasks");
        windows("sihost.exe", "Shell Infrastructure Host");
        windows("ctfmon.exe", "CTF Loader");
        windows("conhost.exe", "Console Window Host");
        windows("cmd.exe", "Windows Command Processor");
        windows("powershell.exe", "Windows PowerShell");
        windows("wmic.exe", "WMI Commandline Utility");
        windows("schtasks.exe", "Task Scheduler Configuration Tool");
        windows("sc.exe", "Service Control Manager Configuration Tool");
        windows("rundll32.exe", "Windows host process (Rundll32)");
        windows("wscript.exe", "Microsoft ® Windows Based Script Host");
        windows("notepad.exe", "Notepad");
        windows("ipconfig.exe", "IP Configuration Utility");
        windows("PING.EXE", "TCP/IP Ping Command");
        windows("tasklist.exe", "Lists the current running tasks.");
        windows("whoami.exe", "whoami - displays logged on user information");
        windows("net.exe", "Net Command");
        windows("mshta.exe", "Microsoft (R) HTML Application host");
        windows("backgroundTaskHost.exe", "Background Task Host");
        windows("compattelrunner.exe", "Microsoft Compatibility Telemetry");
        windows("Taskmgr.exe", "Task Manager");
        windows("mstsc.exe", "Remote Desktop Connection");
        windows("ntdll.dll", "NT Layer DLL");
        windows("kernel32.dll", "Windows NT BASE API Client DLL");
        windows("KernelBase.dll", "Windows NT BASE API Client DLL");
        windows("advapi32.dll", "Advanced Windows 32 Base API");
        windows("user32.dll", "Multi-User Windows USER API Client DLL");
        windows("ws2_32.dll", "Windows Socket 2.0 32-Bit DLL");
        windows("wbemcomn.dll", "WMI");
        windows("vbscript.dll", "Microsoft ® VBScript");
        windows("jscript.dll", "Microsoft ® JScript");
        windows("amsi.dll", "Anti-Malware Scan Interface");
        windows("comsvcs.dll", "COM+ Services");
        windows("dbghelp.dll", "Windows Image Helper");
        KNOWN.put("msmpeng.exe", new String[] {"4.18.24010.12 (WinBuild.160101.0800)", "Antimalware Service Executable",
            WINDOWS, MICROSOFT, "MsMpEng.exe"});
        KNOWN.put("mpcmdrun.exe", new String[] {"4.18.24010.12 (WinBuild.160101.0800)",
            "Microsoft Malware Protection Command Line Utility", WINDOWS, MICROSOFT, "MpCmdRun.exe"});
        KNOWN.put("sysmon64.exe", new String[] {"15.14", "System activity monitor", "Sysinternals Sysmon",
            "Sysinternals - www.sysinternals.com", "Sysmon.exe"});
        KNOWN.put("chrome.exe", new String[] {"122.0.6261.112", "Google Chrome", "Google Chrome", "Google LLC",
            "chrome.exe"});
        KNOWN.put("msedge.exe", new String[] {"122.0.2365.80", "Microsoft Edge", "Microsoft Edge", MICROSOFT,
            "msedge.exe"});
        KNOWN.put("outlook.exe", new String[] {"16.0.17328.20162", "Microsoft Outlook", "Microsoft Outlook",
            MICROSOFT, "Outlook.exe"});
        KNOWN.put("winword.exe", new String[] {"16.0.17328.20162", "Microsoft Word", "Microsoft Office", MICROSOFT,
            "WinWord.exe"});
        KNOWN.put("excel.exe", new String[] {"16.0.17328.20162", "Microsoft Excel", "Microsoft Office", MICROSOFT,
            "Excel.exe"});
        KNOWN.put("ms-teams.exe", new String[] {"24033.811.2738.2546", "Microsoft Teams", "Microsoft Teams",
            MICROSOFT, "ms-teams.exe"});
        KNOWN.put("onedrive.exe", new String[] {"24.020.0128.0003", "Microsoft OneDrive", "Microsoft OneDrive",
            MICROSOFT, "OneDrive.exe"});
        KNOWN.put("code.exe", new String[] {"1.87.1", "Visual Studio Code", "Visual Studio Code", MICROSOFT,
            "electron.exe"});
    }

    private static void windows(String file, String description) {
        KNOWN.put(file.toLowerCase(Locale.ROOT), new String[] {WIN_VERSION, description, WINDOWS, MICROSOFT, file});
    }

    /** What Sysmon would report for the image at that path. */
    public static ImageInfo of(String path) {
        return CACHE.computeIfAbsent(path, ImageInfo::compute);
    }

    private static ImageInfo compute(String path) {
        String file = path.substring(path.lastIndexOf('\\') + 1);
        String[] known = KNOWN.get(file.toLowerCase(Locale.ROOT));
        String hashes = hashes(path.toLowerCase(Locale.ROOT));
        if (known == null) {
            return new ImageInfo("-", "-", "-", "-", "-", hashes);
        }
        return new ImageInfo(known[0], known[1], known[2], known[3], known[4], hashes);
    }

    private static String hashes(String key) {
        long a = mix(key.hashCode());
        long b = mix(a);
        long c = mix(b);
        long d = mix(c);
        String sha1 = hex(a, b, 40);
        String md5 = hex(b, c, 32);
        String sha256 = hex(c, d, 32) + hex(d, a, 32);
        String imphash = hex(d, c, 32);
        return "SHA1=" + sha1 + ",MD5=" + md5 + ",SHA256=" + sha256 + ",IMPHASH=" + imphash;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String hex(long x, long y, int digits) {
        StringBuilder text = new StringBuilder(digits);
        long value = x;
        while (text.length() < digits) {
            text.append(String.format(Locale.ROOT, "%016X", value));
            value = mix(value ^ y);
        }
        return text.substring(0, digits);
    }
}
