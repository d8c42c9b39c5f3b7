package org.sigmascope.generate.host;

import java.util.List;

/**
 * What users run and where programs connect: the catalogue background activity draws from.
 *
 * @param image     the executable, with {@code %U} for the user's name
 * @param arguments the arguments after the quoted image, or {@code ""}
 * @param domains   names it resolves and connects to (none: it does not use the network)
 * @param minutes   its typical lifetime in minutes
 */
record Apps(String image, String arguments, List<String> domains, int minutes) {

    static final List<Apps> USER = List.of(
            new Apps("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "",
                    List.of("www.google.com", "accounts.google.com", "clients2.google.com", "github.com",
                            "stackoverflow.com", "www.youtube.com", "fonts.gstatic.com"), 120),
            new Apps("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "--single-argument",
                    List.of("www.bing.com", "login.microsoftonline.com", "edge.microsoft.com",
                            "corp.sharepoint.com"), 90),
            new Apps("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "",
                    List.of("outlook.office365.com", "autodiscover.corp.example"), 240),
            new Apps("C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
                    "/n \"C:\\Users\\%U\\Documents\\Quarterly report.docx\"", List.of("officeclient.microsoft.com"), 40),
            new Apps("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
                    "\"C:\\Users\\%U\\Documents\\Budget 2024.xlsx\"", List.of("officeclient.microsoft.com"), 30),
            new Apps("C:\\Windows\\System32\\notepad.exe", "C:\\Users\\%U\\Documents\\notes.txt", List.of(), 15),
            new Apps("C:\\Users\\%U\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe", "",
                    List.of("update.code.visualstudio.com", "marketplace.visualstudio.com"), 60),
            new Apps("C:\\Windows\\System32\\Taskmgr.exe", "/4", List.of(), 5),
            new Apps("C:\\Windows\\System32\\mstsc.exe", "/v:SRV01.corp.example", List.of("SRV01.corp.example"), 20));

    /** Console tools a user runs from cmd.exe. */
    static final List<String> COMMANDS = List.of("ipconfig /all", "ping -n 2 fs01.corp.example", "whoami",
            "tasklist", "net use", "ipconfig /flushdns", "ping -n 4 8.8.8.8", "net time \\\\dc01.corp.example");

    /** What a user types in PowerShell: a script block each. */
    static final List<String> POWERSHELL = List.of("Get-ChildItem -Path $env:USERPROFILE\\Documents -Recurse -Filter *.docx",
            "Get-Process | Sort-Object CPU -Descending | Select-Object -First 10",
            "Test-NetConnection fs01.corp.example -Port 445", "Get-Service | Where-Object Status -eq 'Running'",
            "Get-Content C:\\Users\\Public\\Documents\\readme.txt -Tail 20", "Get-NetIPConfiguration");

    /** Where Windows itself connects. */
    static final List<String> SYSTEM_DOMAINS = List.of("settings-win.data.microsoft.com", "wdcp.microsoft.com",
            "ctldl.windowsupdate.com", "fe3cr.delivery.mp.microsoft.com", "time.windows.com",
            "dc01.corp.example", "v10.events.data.microsoft.com");

    String image(String user) {
        return image.replace("%U", user);
    }

    String commandLine(String user) {
        String quoted = "\"" + image(user) + "\"";
        return arguments.isEmpty() ? quoted : quoted + " " + arguments.replace("%U", user);
    }
}
