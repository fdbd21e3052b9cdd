# Build the frozen program and the installer on Windows (PowerShell, Python 3.11 x64, Inno Setup 6):
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
# Output: dist\KSTTHC Desktop\ (one folder) and dist\KSTTHC-Desktop-<version>-setup.exe
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root
$version = (Select-String -Path kstthc_desktop\__init__.py -Pattern '__version__ = "([^"]+)"').Matches[0].Groups[1].Value

python -m venv build\venv
& build\venv\Scripts\python.exe -m pip install --upgrade pip
# the project's dependencies + PyInstaller at the pinned versions (the package itself: the checkout)
& build\venv\Scripts\python.exe -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['freeze']))" | Out-File -Encoding ascii build\requirements.txt
& build\venv\Scripts\python.exe -m pip install -c installer\constraints.txt -r build\requirements.txt
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
& build\venv\Scripts\python.exe -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\kstthc.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The wizard's Vietnamese: an unofficial Inno Setup translation, from Inno Setup's own source
# repository at a pinned commit (skipped, with an English wizard, when offline).
$isl = "installer\Vietnamese.isl"
if (-not (Test-Path $isl)) {
  $commit = "7e4637c5ba4c1fdd7f9e67214d0a8cc83ad692ac"
  try {
    Invoke-WebRequest -UseBasicParsing -OutFile $isl `
      "https://raw.githubusercontent.com/jrsoftware/issrc/$commit/Files/Languages/Unofficial/Vietnamese.isl"
  } catch { Write-Warning "Vietnamese.isl not fetched: the installer wizard will be in English" }
}

$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = "iscc" }
& $iscc "/DAppVersion=$version" installer\kstthc.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
