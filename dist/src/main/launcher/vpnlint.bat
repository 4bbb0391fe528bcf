@echo off
rem vpnlint, as installed from the vpnlint-VERSION archive: runs lib\vpnlint.jar with the Java in JAVA_HOME, or the
rem java on PATH (17 or later). The first start trains a class-data sharing archive on the bundled samples and keeps
rem it in %LOCALAPPDATA%\vpnlint; later starts map it in.
setlocal
set "VPNLINT_HOME=%~dp0.."
set "JAR=%VPNLINT_HOME%\lib\vpnlint.jar"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "OPTIONS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss4m -Xlog:cds=off -Xlog:cds+dynamic=off"
set "CACHE=%LOCALAPPDATA%\vpnlint"
if not defined LOCALAPPDATA set "CACHE=%TEMP%\vpnlint"
rem One archive per install directory name; a JVM that does not match an archive ignores it.
for %%I in ("%VPNLINT_HOME%") do set "ARCHIVE=%CACHE%\dist-%%~nxI.jsa"
if not defined VPNLINT_NO_CDS if not exist "%ARCHIVE%" (
  if not exist "%CACHE%" mkdir "%CACHE%" >nul 2>&1
  "%JAVA%" %OPTIONS% -XX:ArchiveClassesAtExit="%ARCHIVE%" -jar "%JAR%" check --fail-on never "%VPNLINT_HOME%\samples\seed" >nul 2>&1
)
if exist "%ARCHIVE%" set "OPTIONS=%OPTIONS% -XX:SharedArchiveFile="%ARCHIVE%""
"%JAVA%" %OPTIONS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
