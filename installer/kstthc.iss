; Inno Setup 6 script: per-user installer for the one-folder build of installer/kstthc.spec.
; Build (Windows, after PyInstaller):  iscc /DAppVersion=0.1.0 installer\kstthc.iss
; The GitHub Actions workflow .github/workflows/windows-installer.yml runs exactly that.
;
; Decisions (see installer/README.md):
; - Per user, no administrator rights: installs into %LOCALAPPDATA%\Programs\KSTTHC Desktop and
;   registers the .kstthc association under HKCU. Commune PCs are often locked down.
; - x64 Windows 10 1809 (build 17763) or newer: what Qt 6 supports.
; - Upgrade in place: the same AppId; a running copy is closed first (Restart Manager), the old
;   program files are replaced. The user's data is never in the program folder.
; - The uninstaller removes only what it installed: office files (.kstthc), backups, logs and
;   settings live in the user's own folders (Documents, %LOCALAPPDATA%\KSTTHC\KSTTHC Desktop,
;   HKCU\Software\KSTTHC) and are kept.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\KSTTHC Desktop"
#endif
#define AppName "KSTTHC Desktop"
#define AppExe "KSTTHC Desktop.exe"

[Setup]
; never change AppId: upgrades find the installed copy by it
AppId={{6F0B7A52-3C1D-4E8A-9B0F-4B5D2C7E1A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KSTTHC
VersionInfoVersion={#AppVersion}
VersionInfoDescription=KSTTHC Desktop – cài đặt
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\dist
OutputBaseFilename=KSTTHC-Desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kstthc.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=force
RestartApplications=no
ChangesAssociations=yes
UsePreviousAppDir=yes

[Languages]
; Inno Setup ships Vietnamese only as an unofficial translation: build.ps1 fetches it (pinned) into
; installer\Vietnamese.isl; without it the wizard is in English (the program itself is not affected).
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the whole program folder's bundled libraries (a stale DLL must not linger)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; .kstthc opens in KSTTHC Desktop (HKCU: no administrator rights needed)
Root: HKCU; Subkey: "Software\Classes\.kstthc"; ValueType: string; ValueName: ""; ValueData: "KSTTHC.OfficeFile"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.kstthc\OpenWithProgids"; ValueType: string; ValueName: "KSTTHC.OfficeFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\KSTTHC.OfficeFile"; ValueType: string; ValueName: ""; ValueData: "Tệp dữ liệu KSTTHC"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\KSTTHC.OfficeFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\KSTTHC.OfficeFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kstthc"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself wrote inside its own folder (Python bytecode caches); never user data
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
; and the font metrics it keeps to print faster (derived from the fonts, made again when missing)
Type: filesandordirs; Name: "{localappdata}\KSTTHC\KSTTHC Desktop\Cache"
