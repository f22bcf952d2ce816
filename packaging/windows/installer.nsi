; visitapp for Windows: a per-user installer (no administrator rights) made with NSIS 3.
; Built by build-windows.ps1 on Windows, or anywhere makensis runs (Debian's nsis package):
;     makensis -DVERSION=0.1.0 -DSOURCE=..\..\dist\visitapp -DOUTFILE=..\..\dist\visitapp-0.1.0-setup.exe installer.nsi
; SOURCE is the PyInstaller folder (visitapp.exe, visitapp-gui.exe, _internal\).
Unicode true
SetCompressor /SOLID lzma
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\visitapp"
!endif
!ifndef OUTFILE
  !define OUTFILE "visitapp-${VERSION}-setup.exe"
!endif
!define APPNAME "visitapp"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\visitapp"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user            ; per-user: never asks for an administrator
InstallDir "$LOCALAPPDATA\Programs\visitapp"
InstallDirRegKey HKCU "Software\visitapp" "InstallDir"
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Polish"
!insertmacro MUI_LANGUAGE "English"

Section "visitapp" SecMain
  SetShellVarContext current          ; the user's own Start menu, not All Users
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"       ; an upgrade never mixes old and new libraries
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\visitapp"
  CreateShortcut "$SMPROGRAMS\visitapp\visitapp.lnk" "$INSTDIR\visitapp-gui.exe" "" "$INSTDIR\visitapp-gui.exe" 0
  CreateShortcut "$SMPROGRAMS\visitapp\Uninstall visitapp.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\visitapp" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "visitapp"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "visitapp"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\visitapp-gui.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\visitapp\visitapp.lnk"
  Delete "$SMPROGRAMS\visitapp\Uninstall visitapp.lnk"
  RMDir "$SMPROGRAMS\visitapp"
  ; the program folder only: the user's database and settings (in %LOCALAPPDATA%\visitapp) stay
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\visitapp.exe"
  Delete "$INSTDIR\visitapp-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\visitapp"
SectionEnd
