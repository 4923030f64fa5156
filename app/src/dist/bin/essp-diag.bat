@echo off
rem ESSP Diagnostic launcher for Windows. Needs Java 25 (JAVA_HOME or java on the PATH).
setlocal EnableDelayedExpansion
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "CP="
set "MP="
for %%J in ("%APP_HOME%\lib\*.jar") do (
  set "NAME=%%~nxJ"
  if "!NAME:~0,7!"=="javafx-" (
    echo !NAME! | findstr /R /C:"-win" >nul && set "MP=!MP!;%%J"
  ) else (
    set "CP=!CP!;%%J"
  )
)
rem Temporary files of the JVM and libraries go to the user's own data folder, swept by the application at start
if defined ESSP_DIAG_HOME (set "DATA=%ESSP_DIAG_HOME%") else (set "DATA=%APPDATA%\ESSP Diagnostic")
if not exist "%DATA%\tmp" mkdir "%DATA%\tmp"
"%JAVA%" "-Djava.io.tmpdir=%DATA%\tmp" %ESSP_DIAG_OPTS% -Dessp.app.home="%APP_HOME%" --module-path "!MP:~1!" --add-modules javafx.controls,javafx.fxml --enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "!CP:~1!" @MAIN_CLASS@ %*
exit /b %ERRORLEVEL%
