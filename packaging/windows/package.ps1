# Builds the Windows installer (target\package\Sigmascope-VERSION.msi).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\package.ps1
#
# UNTESTED: written from the jpackage documentation of JDK 17 and checked on Linux only (the JavaFX jars for
# Windows resolve with -Djavafx.platform=win). Run it on Windows x64 with:
#   - a JDK 17+ (full JDK, with jpackage) on the PATH or in JAVA_HOME;
#   - Maven on the PATH;
#   - the WiX Toolset 3.x (candle.exe and light.exe on the PATH), which jpackage uses to make the .msi.
# It does what ..\common.sh does for Linux and macOS; keep them in step.
#
# The installer puts two launchers in the install folder: Sigmascope.exe (the desktop app, no console) and
# sigmascope-cli.exe (the command line, for a console: sigmascope-cli scan C:\evidence).
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Project = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Out = Join-Path $Project 'target\package'
$AppName = 'Sigmascope'
# Fixed for ever: Windows uses it to replace an installed version with a newer one.
$UpgradeUuid = '9d11e5f9-08a2-4b03-825d-06da675ea48f'
$ExtraModules = 'jdk.zipfs,jdk.crypto.ec,jdk.charsets,jdk.localedata'  # see ..\common.sh for why each

function Fail($message) { Write-Error "packaging: $message"; exit 1 }
function Say($message) { Write-Host "==> $message" }
function Need($tool, $advice) {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { Fail "'$tool' is needed: $advice" }
}
function Run($exe, [string[]] $arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$exe failed (exit code $LASTEXITCODE)" }
}

if ($env:JAVA_HOME) { $env:PATH = (Join-Path $env:JAVA_HOME 'bin') + ';' + $env:PATH }
Need 'mvn' 'install Maven'
foreach ($tool in 'java', 'jdeps', 'jlink', 'jpackage') { Need $tool 'install a full JDK 17 or newer' }
Need 'candle' 'install the WiX Toolset 3.x and put its bin folder on the PATH'
Need 'light' 'install the WiX Toolset 3.x and put its bin folder on the PATH'
if ($env:PROCESSOR_ARCHITECTURE -ne 'AMD64') { Fail 'DuckDB ships a native library for Windows x64 only' }

Say 'building the application jar with the Windows JavaFX jars'
Push-Location $Project
try { Run 'mvn' @('-B', '-q', 'package', '-DskipTests', '-Djavafx.platform=win') } finally { Pop-Location }

Say 'staging the jars and samples'
$Staged = Join-Path $Out 'input'
if (Test-Path $Staged) { Remove-Item -Recurse -Force $Staged }
New-Item -ItemType Directory -Force (Join-Path $Staged 'lib') | Out-Null
Copy-Item (Join-Path $Project 'target\sigmascope.jar') $Staged
Copy-Item (Join-Path $Project 'target\lib\*.jar') (Join-Path $Staged 'lib')
Copy-Item -Recurse (Join-Path $Project 'samples') (Join-Path $Staged 'samples')
foreach ($jar in Get-ChildItem (Join-Path $Staged 'lib\duckdb_jdbc-*.jar')) {
    Say "keeping only the windows_amd64 library in $($jar.Name)"
    Run 'java' @((Join-Path $Project 'packaging\tools\SlimDuckDb.java'), $jar.FullName, 'windows_amd64')
}

$jars = @((Join-Path $Staged 'sigmascope.jar')) + @(Get-ChildItem (Join-Path $Staged 'lib\*.jar') | ForEach-Object { $_.FullName })
$found = & jdeps --print-module-deps --ignore-missing-deps --multi-release 17 @jars
if ($LASTEXITCODE -ne 0) { Fail 'jdeps failed' }
$modules = "$($found.Trim()),$ExtraModules"
Say "linking a Java runtime with $modules"
$Runtime = Join-Path $Out 'runtime'
if (Test-Path $Runtime) { Remove-Item -Recurse -Force $Runtime }
Run 'jlink' @('--add-modules', $modules, '--strip-debug', '--strip-native-commands', '--no-header-files',
    '--no-man-pages', '--compress=2', '--output', $Runtime)

$props = Get-Content (Join-Path $Project 'target\classes\sigmascope-version.properties')
$version = (($props | Where-Object { $_ -like 'version=*' }) -replace '^version=', '') -replace '-.*$', ''

# The console launcher for the command line; the main launcher is the desktop app.
$cli = Join-Path $Out 'sigmascope-cli.properties'
Set-Content -Encoding ASCII $cli "win-console=true`r`n"

Say 'making the .msi'
Get-ChildItem (Join-Path $Out "$AppName-*.msi") -ErrorAction SilentlyContinue | Remove-Item
Run 'jpackage' @(
    '--type', 'msi',
    '--name', $AppName,
    '--app-version', $version,
    '--vendor', 'Sigmascope',
    '--description', 'Forensic analysis of Windows event logs with Sigma rules',
    '--copyright', 'Sigmascope contributors',
    '--input', $Staged,
    '--main-jar', 'sigmascope.jar',
    '--main-class', 'org.sigmascope.Main',
    '--runtime-image', $Runtime,
    '--java-options', '-Dfile.encoding=UTF-8',
    '--java-options', '-Djava.net.useSystemProxies=true',
    '--java-options', '-Dsigmascope.samples=$APPDIR\samples',
    '--add-launcher', "sigmascope-cli=$cli",
    '--icon', (Join-Path $Project 'packaging\icon\sigmascope.ico'),
    '--file-associations', (Join-Path $Project 'packaging\associations\evtx.properties'),
    '--file-associations', (Join-Path $Project 'packaging\associations\case.properties'),
    '--win-menu', '--win-menu-group', $AppName,
    '--win-shortcut', '--win-shortcut-prompt',
    '--win-dir-chooser',
    '--win-upgrade-uuid', $UpgradeUuid,
    '--dest', $Out)
Say "msi: $((Get-ChildItem (Join-Path $Out "$AppName-*.msi")).FullName)"
