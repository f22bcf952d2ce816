# Build visitapp for Windows on a Windows machine (never run in CI here; see packaging/README.md).
# Needs: Python 3.11+ (python.org installer, "py" launcher) and NSIS 3 (makensis on PATH or in
# "C:\Program Files (x86)\NSIS"). From the repository root, in PowerShell:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Output: dist\visitapp\ (visitapp.exe for commands, visitapp-gui.exe for the window) and
#         dist\visitapp-<version>-setup.exe (per-user installer, no administrator rights).
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

if (-not (Test-Path .venv-win)) { py -3 -m venv .venv-win }
$py = Join-Path $root ".venv-win\Scripts\python.exe"
& $py -m pip install --upgrade pip
& $py -m pip install -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\windows\visitapp.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The frozen console executable must print and exit as the command line does.
& dist\visitapp\visitapp.exe --version
if ($LASTEXITCODE -ne 0) { throw "the frozen visitapp.exe does not start" }

$version = (& $py -c "import visitapp; print(visitapp.__version__)").Trim()
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis "-DVERSION=$version" "-DSOURCE=$root\dist\visitapp" "-DOUTFILE=$root\dist\visitapp-$version-setup.exe" `
    "-DICON=$root\packaging\icons\visitapp.ico" packaging\windows\installer.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host "dist\visitapp-$version-setup.exe"
