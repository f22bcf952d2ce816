<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AboutAction</name>
    <message>
        <location filename="../../visitapp/ui/about.py" line="72"/>
        <source>&amp;About visitapp…</source>
        <translation>&amp;About visitapp…</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../visitapp/ui/about.py" line="30"/>
        <source>About visitapp</source>
        <translation>About visitapp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="44"/>
        <source>Notes from reference visits to companies, signed minutes and a registry of the series.</source>
        <translation>Notes from reference visits to companies, signed minutes and a registry of the series.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="46"/>
        <source>visitapp is free software under the MIT licence. It ships software by others under their own licences, listed below: Qt and PySide6 under the GNU LGPL version 3, the Noto Sans fonts under the SIL Open Font License, and the Python packages under theirs.</source>
        <translation>visitapp is free software under the MIT licence. It ships software by others under their own licences, listed below: Qt and PySide6 under the GNU LGPL version 3, the Noto Sans fonts under the SIL Open Font License, and the Python packages under theirs.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="51"/>
        <source>visitapp licence</source>
        <translation>visitapp licence</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="51"/>
        <source>Qt, PySide6 and others</source>
        <translation>Qt, PySide6 and others</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="52"/>
        <source>Fonts</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="4"/>
        <source>Python packages</source>
        <translation>Python packages</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="17"/>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="22"/>
        <source>Commitment:</source>
        <translation>Commitment:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="27"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="29"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="33"/>
        <source>&amp;Due date</source>
        <translation>&amp;Due date</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="36"/>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="43"/>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="24"/>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
</context>
<context>
    <name>CaptureBox</name>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="34"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="43"/>
        <source>Capture box</source>
        <translation>Capture box</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="44"/>
        <source>Type a note; Ctrl+Enter adds it to the current section</source>
        <translation>Type a note; Ctrl+Enter adds it to the current section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="53"/>
        <source>Tags, separated by commas</source>
        <translation>Tags, separated by commas</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="54"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="59"/>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="63"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="63"/>
        <source>Add the note to the current section (Ctrl+Enter)</source>
        <translation>Add the note to the current section (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Visibility of the next note</source>
        <translation>Visibility of the next note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Ctrl+Shift+1 internal, Ctrl+Shift+2 partner institutions, Ctrl+Shift+3 company copy</source>
        <translation>Ctrl+Shift+1 internal, Ctrl+Shift+2 partner institutions, Ctrl+Shift+3 company copy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Next note:</source>
        <translation>Next note:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>A draft typed earlier was restored (stored %1); Ctrl+Enter adds it.</source>
        <translation>A draft typed earlier was restored (stored %1); Ctrl+Enter adds it.</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="74"/>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="75"/>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/capture/view.py" line="188"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="204"/>
        <source>Section %1: %2</source>
        <translation>Section %1: %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="300"/>
        <source>Move note</source>
        <translation>Move note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="300"/>
        <source>To section:</source>
        <translation>To section:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="389"/>
        <source>Not stored: %1 Your text stays here until it can be stored.</source>
        <translation>Not stored: %1 Your text stays here until it can be stored.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="1"/>
        <source>Move to section…</source>
        <translation>Move to section…</translation>
    </message>
</context>
<context>
    <name>CertificateBox</name>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>%1 — %2, valid until %3</source>
        <translation>%1 — %2, valid until %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>%n token(s) found.</source>
        <translation>
            <numerusform>%n token found.</numerusform>
            <numerusform>%n tokens found.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>&amp;Find tokens</source>
        <translation>&amp;Find tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Choose your key: %n certificate(s) on the token.</source>
        <translation>
            <numerusform>Choose your key: %n certificate on the token.</numerusform>
            <numerusform>Choose your key: %n certificates on the token.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Keys on the token</source>
        <translation>Keys on the token</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Looking for tokens…</source>
        <translation>Looking for tokens…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>No token was found in this module; is the card inserted?</source>
        <translation>No token was found in this module; is the card inserted?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>The module could not be asked (%1).</source>
        <translation>The module could not be asked (%1).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>There is no certificate on this token.</source>
        <translation>There is no certificate on this token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Tokens found</source>
        <translation>Tokens found</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="124"/>
        <source>&amp;Key label:</source>
        <translation>&amp;Key label:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="118"/>
        <source>&amp;Module:</source>
        <translation>&amp;Module:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="142"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="142"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="121"/>
        <source>&amp;Token label:</source>
        <translation>&amp;Token label:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="96"/>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="112"/>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="102"/>
        <source>Certificate f&amp;ile:</source>
        <translation>Certificate f&amp;ile:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="94"/>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="203"/>
        <source>Certificate file</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="67"/>
        <source>Certificate file (PKCS#12)</source>
        <translation>Certificate file (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="204"/>
        <source>Certificate files (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificate files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="171"/>
        <source>Choose the PKCS#11 module of your card or token.</source>
        <translation>Choose the PKCS#11 module of your card or token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="166"/>
        <source>Choose your certificate file.</source>
        <translation>Choose your certificate file.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="66"/>
        <source>Do not sign</source>
        <translation>Do not sign</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="65"/>
        <source>How to sign</source>
        <translation>How to sign</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="123"/>
        <source>Key label</source>
        <translation>Key label</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="210"/>
        <source>Libraries (*.so *.dll *.dylib);;All files (*)</source>
        <translation>Libraries (*.so *.dll *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="143"/>
        <source>PIN of the token</source>
        <translation>PIN of the token</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="110"/>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="209"/>
        <source>PKCS#11 module</source>
        <translation>PKCS#11 module</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="144"/>
        <source>Password of the certificate file</source>
        <translation>Password of the certificate file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="85"/>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="84"/>
        <source>Reason for signing</source>
        <translation>Reason for signing</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="69"/>
        <source>Si&amp;gn with:</source>
        <translation>Si&amp;gn with:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="62"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="68"/>
        <source>Smart card or token (PKCS#11)</source>
        <translation>Smart card or token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="120"/>
        <source>Token label</source>
        <translation>Token label</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="177"/>
        <source>Type the PIN of your token.</source>
        <translation>Type the PIN of your token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="173"/>
        <source>Type the label of your key on the token.</source>
        <translation>Type the label of your key on the token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="172"/>
        <source>Type the label of your token.</source>
        <translation>Type the label of your token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="168"/>
        <source>Type the password of your certificate file.</source>
        <translation>Type the password of your certificate file.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="95"/>
        <source>a .p12 or .pfx file</source>
        <translation>a .p12 or .pfx file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="111"/>
        <source>the card&apos;s driver library, e.g. opensc-pkcs11.so</source>
        <translation>the card&apos;s driver library, e.g. opensc-pkcs11.so</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>&amp;Encrypt this database…</source>
        <translation>&amp;Encrypt this database…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>Encrypt this database</source>
        <translation>Encrypt this database</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>This database is already encrypted.</source>
        <translation>This database is already encrypted.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="19"/>
        <source>visitapp — coordinator</source>
        <translation>visitapp — coordinator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;New registry…</source>
        <translation>&amp;New registry…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;Open registry…</source>
        <translation>&amp;Open registry…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open &amp;server registry…</source>
        <translation>Open &amp;server registry…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open server registry</source>
        <translation>Open server registry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Database URL, e.g. postgresql+psycopg://user@host/registry (the password comes from ~/.pgpass or PGPASSWORD):</source>
        <translation>Database URL, e.g. postgresql+psycopg://user@host/registry (the password comes from ~/.pgpass or PGPASSWORD):</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="146"/>
        <source>A password typed into the URL would be shown on screen and could be kept among the recent registries; remove it from the URL and keep it in ~/.pgpass, PGPASSWORD or a service file (?service=NAME).</source>
        <translation>A password typed into the URL would be shown on screen and could be kept among the recent registries; remove it from the URL and keep it in ~/.pgpass, PGPASSWORD or a service file (?service=NAME).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;Recent registries</source>
        <translation>&amp;Recent registries</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp — coordinator — %1</source>
        <translation>visitapp — coordinator — %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>New registry</source>
        <translation>New registry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>registry.db</source>
        <translation>registry.db</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp databases (*.db)</source>
        <translation>visitapp databases (*.db)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open registry</source>
        <translation>Open registry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>visitapp databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 already exists; choose a new file name.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Wait until the merge has finished, then choose the registry.</source>
        <translation>Wait until the merge has finished, then choose the registry.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Encrypt this registry from the command line: visitapp db encrypt --db FILE.</source>
        <translation>Encrypt this registry from the command line: visitapp db encrypt --db FILE.</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../visitapp/ui/capture/fields_panel.py" line="24"/>
        <source>Structured fields</source>
        <translation>Structured fields</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/fields_panel.py" line="80"/>
        <source>separated by commas</source>
        <translation>separated by commas</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Internal: every note</source>
        <translation>Internal: every note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Partner institutions: notes shared with partners or the company</source>
        <translation>Partner institutions: notes shared with partners or the company</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Company copy: only notes marked for the company</source>
        <translation>Company copy: only notes marked for the company</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Commitment</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>Finalised</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="31"/>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="31"/>
        <source>Partner institutions</source>
        <translation>Partner institutions</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="32"/>
        <source>Company copy</source>
        <translation>Company copy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="1"/>
        <source>C&amp;heck signed minutes…</source>
        <translation>C&amp;heck signed minutes…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="32"/>
        <source>visitapp — visit notes</source>
        <translation>visitapp — visit notes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="37"/>
        <source>Choose a visit from the list, or prepare a new one with Ctrl+N.</source>
        <translation>Choose a visit from the list, or prepare a new one with Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="52"/>
        <source>Storage status</source>
        <translation>Storage status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="85"/>
        <source>&amp;New visit…</source>
        <translation>&amp;New visit…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="86"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="87"/>
        <source>&amp;Coordinator: merge, actions, reports…</source>
        <translation>&amp;Coordinator: merge, actions, reports…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="90"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="92"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="93"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="96"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="102"/>
        <source>&amp;Search visits</source>
        <translation>&amp;Search visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="104"/>
        <source>&amp;Visit</source>
        <translation>&amp;Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="106"/>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="107"/>
        <source>Go to &amp;notes</source>
        <translation>Go to &amp;notes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="108"/>
        <source>&amp;Previous section</source>
        <translation>&amp;Previous section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="109"/>
        <source>Ne&amp;xt section</source>
        <translation>Ne&amp;xt section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="110"/>
        <source>&amp;Move note to section…</source>
        <translation>&amp;Move note to section…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="111"/>
        <source>Make &amp;action item…</source>
        <translation>Make &amp;action item…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="116"/>
        <source>&amp;Finalise and sign…</source>
        <translation>&amp;Finalise and sign…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="119"/>
        <source>Signing is not installed in this copy of visitapp yet.</source>
        <translation>Signing is not installed in this copy of visitapp yet.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="122"/>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="127"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="128"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="204"/>
        <source>Notes by: %1</source>
        <translation>Notes by: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="206"/>
        <source>Notes by: %1 (set your name in Settings)</source>
        <translation>Notes by: %1 (set your name in Settings)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="222"/>
        <source>All changes stored at %1</source>
        <translation>All changes stored at %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="226"/>
        <source>Not stored!</source>
        <translation>Not stored!</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="275"/>
        <source>Some text could not be stored (see the status bar). Quit anyway and lose it?</source>
        <translation>Some text could not be stored (see the status bar). Quit anyway and lose it?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Co-&amp;sign minutes…</source>
        <translation>Co-&amp;sign minutes…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="39"/>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
</context>
<context>
    <name>NotesTree</name>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="70"/>
        <source>Sections and notes</source>
        <translation>Sections and notes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="1"/>
        <source>%1 (typed: %2)</source>
        <translation>%1 (typed: %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="1"/>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../visitapp/ui/ops_runner.py" line="104"/>
        <source>The change could not be stored (%1).</source>
        <translation>The change could not be stored (%1).</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../visitapp/ui/page_preview.py" line="20"/>
        <source>Preview of the pages</source>
        <translation>Preview of the pages</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/page_preview.py" line="53"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participant&apos;s name</source>
        <translation>Participant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Instit&amp;ution:</source>
        <translation>Instit&amp;ution:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>R&amp;ole:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Side</source>
        <translation>Side</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Si&amp;de:</source>
        <translation>Si&amp;de:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>&amp;Add participant</source>
        <translation>&amp;Add participant</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participants (double-click changes, Delete removes)</source>
        <translation>Participants (double-click changes, Delete removes)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Double-click a participant to change their details.</source>
        <translation>Double-click a participant to change their details.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Remove par&amp;ticipant</source>
        <translation>Remove par&amp;ticipant</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>&amp;Apply changes to participant</source>
        <translation>&amp;Apply changes to participant</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="64"/>
        <source>Prepare visit</source>
        <translation>Prepare visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="64"/>
        <source>Visit details</source>
        <translation>Visit details</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="88"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="91"/>
        <source>Organisation name</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="96"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="98"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="105"/>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="109"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="110"/>
        <source>S&amp;ector:</source>
        <translation>S&amp;ector:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="112"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="113"/>
        <source>Add&amp;ress:</source>
        <translation>Add&amp;ress:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="116"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="119"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="120"/>
        <source>T&amp;itle:</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="125"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="125"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="129"/>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="130"/>
        <source>En&amp;d:</source>
        <translation>En&amp;d:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="132"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="133"/>
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="135"/>
        <source>Polish</source>
        <translation>Polish</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="136"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="137"/>
        <source>Language of the minutes</source>
        <translation>Language of the minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="138"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="140"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="145"/>
        <source>Te&amp;mplate:</source>
        <translation>Te&amp;mplate:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="147"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="148"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="152"/>
        <source>Se&amp;ries:</source>
        <translation>Se&amp;ries:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="189"/>
        <source>Agenda (one item per line)</source>
        <translation>Agenda (one item per line)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="193"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="211"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="213"/>
        <source>invalid check digit</source>
        <translation>invalid check digit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="224"/>
        <source>Reference visit: %1</source>
        <translation>Reference visit: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>New series…</source>
        <translation>New series…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>New series</source>
        <translation>New series</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>Name of the series:</source>
        <translation>Name of the series:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>&amp;Case number:</source>
        <translation>&amp;Case number:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Approved by (name, role)</source>
        <translation>Approved by (name, role)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Name, role</source>
        <translation>Name, role</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Appro&amp;ved by:</source>
        <translation>Appro&amp;ved by:</translation>
    </message>
    <message>
        <source>Time zone of the visit</source>
        <translation>Time zone of the visit</translation>
    </message>
    <message>
        <source>The start and end are read on this clock; the list, the notes, the minutes and the signature show the visit&apos;s times on it.</source>
        <translation>The start and end are read on this clock; the list, the notes, the minutes and the signature show the visit&apos;s times on it.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Time &amp;zone:</translation>
    </message>
    <message>
        <source>Visibility a new note starts with</source>
        <translation>Visibility a new note starts with</translation>
    </message>
    <message>
        <source>Each new note of this visit starts with this visibility; a note can still be changed one by one.</source>
        <translation>Each new note of this visit starts with this visibility; a note can still be changed one by one.</translation>
    </message>
    <message>
        <source>Ne&amp;w notes:</source>
        <translation>Ne&amp;w notes:</translation>
    </message>
    <message>
        <source>Notes go into the template&apos;s sections</source>
        <translation>Notes go into the template&apos;s sections</translation>
    </message>
    <message>
        <source>Each agenda item is a section, after the template&apos;s</source>
        <translation>Each agenda item is a section, after the template&apos;s</translation>
    </message>
    <message>
        <source>Each agenda item is a section, instead of the template&apos;s</source>
        <translation>Each agenda item is a section, instead of the template&apos;s</translation>
    </message>
    <message>
        <source>Agenda items as sections</source>
        <translation>Agenda items as sections</translation>
    </message>
    <message>
        <source>Instead of the template&apos;s sections, the template&apos;s sections that hold structured answers stay after the agenda&apos;s.</source>
        <translation>Instead of the template&apos;s sections, the template&apos;s sections that hold structured answers stay after the agenda&apos;s.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Co-signer (name)</source>
        <translation>Co-signer (name)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Empty: no co-signature</source>
        <translation>Empty: no co-signature</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Who is expected to co-sign the minutes; the PDF leaves a place for that signature. Empty: none.</source>
        <translation>Who is expected to co-sign the minutes; the PDF leaves a place for that signature. Empty: none.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Co-si&amp;gner:</source>
        <translation>Co-si&amp;gner:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Ver&amp;batim minutes: each note shows its time</source>
        <translation>Ver&amp;batim minutes: each note shows its time</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="113"/>
        <source>%n page(s), as they will be finalised (the signature stamp is added on signing).</source>
        <translation>
            <numerusform>%n page, as it will be finalised (the signature stamp is added on signing).</numerusform>
            <numerusform>%n pages, as they will be finalised (the signature stamp is added on signing).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="118"/>
        <source>%n page(s); open the preview in your PDF viewer to see them as printed.</source>
        <translation>
            <numerusform>%n page; open the preview in your PDF viewer to see it as printed.</numerusform>
            <numerusform>%n pages; open the preview in your PDF viewer to see them as printed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="68"/>
        <source>Drawing the pages…</source>
        <translation>Drawing the pages…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="48"/>
        <source>Open preview in PDF &amp;viewer</source>
        <translation>Open preview in PDF &amp;viewer</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="117"/>
        <source>Page images need poppler&apos;s pdftoppm, which is not installed; this is the text of each page.</source>
        <translation>Page images need poppler&apos;s pdftoppm, which is not installed; this is the text of each page.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="135"/>
        <source>The preview could not be drawn: %1</source>
        <translation>The preview could not be drawn: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="122"/>
        <source>This computer cannot draw the pages here (poppler&apos;s pdftoppm is not installed). Open the preview in your PDF viewer to see them.</source>
        <translation>This computer cannot draw the pages here (poppler&apos;s pdftoppm is not installed). Open the preview in your PDF viewer to see them.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="1"/>
        <source>This copy holds %1 of the visit&apos;s %2 notes; the others stay out of it.</source>
        <translation>This copy holds %1 of the visit&apos;s %2 notes; the others stay out of it.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="18"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="20"/>
        <source>Notes are signed with this name. Until you set it, your system user name is used.</source>
        <translation>Notes are signed with this name. Until you set it, your system user name is used.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="24"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="26"/>
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="28"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="29"/>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="31"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="32"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="34"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="35"/>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="39"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="42"/>
        <location filename="../../visitapp/ui/settings_dialog.py" line="56"/>
        <source>Data file</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="47"/>
        <source>&amp;Data file:</source>
        <translation>&amp;Data file:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="48"/>
        <source>A new data file is used from the next start.</source>
        <translation>A new data file is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="57"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>visitapp databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source> days from today</source>
        <translation> days from today</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source>Default due date of an action item</source>
        <translation>Default due date of an action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source>Action items &amp;due:</source>
        <translation>Action items &amp;due:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py"/>
        <source>Create &amp;my certificate…</source>
        <translation>Create &amp;my certificate…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="11"/>
        <source>Add the typed note to the current section</source>
        <translation>Add the typed note to the current section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="12"/>
        <source>Kind: note, quote, decision, commitment, question, risk (of the selected note when the notes have focus)</source>
        <translation>Kind: note, quote, decision, commitment, question, risk (of the selected note when the notes have focus)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="13"/>
        <source>Previous / next section</source>
        <translation>Previous / next section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="14"/>
        <source>Go to section 1 … 9</source>
        <translation>Go to section 1 … 9</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="15"/>
        <source>Go to the notes (Esc returns to the capture box)</source>
        <translation>Go to the notes (Esc returns to the capture box)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="16"/>
        <source>Edit the selected note in place</source>
        <translation>Edit the selected note in place</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="17"/>
        <source>Move the selected note up / down</source>
        <translation>Move the selected note up / down</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="18"/>
        <source>Move the selected note to the previous / next section</source>
        <translation>Move the selected note to the previous / next section</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="19"/>
        <source>Move the selected note to a section…</source>
        <translation>Move the selected note to a section…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="20"/>
        <source>Delete the selected note or action item</source>
        <translation>Delete the selected note or action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="21"/>
        <source>Make the selected note an action item</source>
        <translation>Make the selected note an action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="22"/>
        <source>Undo / redo (in the notes; in a text box, its own text)</source>
        <translation>Undo / redo (in the notes; in a text box, its own text)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="23"/>
        <source>Search all visits</source>
        <translation>Search all visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="24"/>
        <source>Prepare a new visit</source>
        <translation>Prepare a new visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="25"/>
        <source>Details of the open visit</source>
        <translation>Details of the open visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="26"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="27"/>
        <source>This list</source>
        <translation>This list</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="1"/>
        <source>Visibility: internal / partner institutions / company copy (of the selected note when the notes have focus, else of the next note)</source>
        <translation>Visibility: internal / partner institutions / company copy (of the selected note when the notes have focus, else of the next note)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="1"/>
        <source>Finalise and sign the open visit</source>
        <translation>Finalise and sign the open visit</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="34"/>
        <location filename="../../visitapp/ui/shortcuts.py" line="37"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="38"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="38"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="87"/>
        <source>Finalise and sign: %1</source>
        <translation>Finalise and sign: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="104"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="107"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="115"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="117"/>
        <source>&amp;Open PDF</source>
        <translation>&amp;Open PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="119"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="155"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="160"/>
        <source>Visit:</source>
        <translation>Visit:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="163"/>
        <source>Finalising freezes the visit as it is now. Changes after that make a new version; without changes the same version is exported again.</source>
        <translation>Finalising freezes the visit as it is now. Changes after that make a new version; without changes the same version is exported again.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="166"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="168"/>
        <source>Language of the minutes</source>
        <translation>Language of the minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="172"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="174"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="188"/>
        <source>PDF file to write</source>
        <translation>PDF file to write</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="189"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="195"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="118"/>
        <source>Show fol&amp;der</source>
        <translation>Show fol&amp;der</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="177"/>
        <source>Cop&amp;y:</source>
        <translation>Cop&amp;y:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="182"/>
        <source>Encrypted for the coordinator (.p7m)</source>
        <translation>Encrypted for the coordinator (.p7m)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="183"/>
        <source>Encrypt the signed minutes for the coordinator of the plan</source>
        <translation>Encrypt the signed minutes for the coordinator of the plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="199"/>
        <source>not finalised yet</source>
        <translation>not finalised yet</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="200"/>
        <source>%1 finalised; a change since makes a new one</source>
        <translation>%1 finalised; a change since makes a new one</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="227"/>
        <source>&amp;Finalise and sign</source>
        <translation>&amp;Finalise and sign</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="227"/>
        <source>&amp;Finalise and export</source>
        <translation>&amp;Finalise and export</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="239"/>
        <source>Save the minutes as</source>
        <translation>Save the minutes as</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="240"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="253"/>
        <source>Choose where to save the PDF.</source>
        <translation>Choose where to save the PDF.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="264"/>
        <source>Encrypted minutes must be signed: choose a certificate, or untick the encryption.</source>
        <translation>Encrypted minutes must be signed: choose a certificate, or untick the encryption.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="269"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="287"/>
        <source>Cancelling after the current step…</source>
        <translation>Cancelling after the current step…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="293"/>
        <source>Opening the certificate…</source>
        <translation>Opening the certificate…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="294"/>
        <source>Opening the token…</source>
        <translation>Opening the token…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="295"/>
        <source>Finalising the visit…</source>
        <translation>Finalising the visit…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="296"/>
        <source>Drawing the minutes…</source>
        <translation>Drawing the minutes…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="297"/>
        <source>Signing…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="298"/>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="320"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="329"/>
        <source>new version</source>
        <translation>new version</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="329"/>
        <source>unchanged since that version</source>
        <translation>unchanged since that version</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="330"/>
        <source>Finalised version %1 (%2).</source>
        <translation>Finalised version %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="332"/>
        <source>Wrote %1, signed by %2.</source>
        <translation>Wrote %1, signed by %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="335"/>
        <source>No free signature box was left: the signature is invisible.</source>
        <translation>No free signature box was left: the signature is invisible.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="337"/>
        <source>Wrote %1, not signed.</source>
        <translation>Wrote %1, not signed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="339"/>
        <source>Encrypted for the coordinator: only their key opens it.</source>
        <translation>Encrypted for the coordinator: only their key opens it.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="354"/>
        <source>Cancelled: no PDF was written.</source>
        <translation>Cancelled: no PDF was written.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="356"/>
        <source>The visit stays finalised as version %1.</source>
        <translation>The visit stays finalised as version %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="364"/>
        <source>Something went wrong and no PDF was written: %1</source>
        <translation>Something went wrong and no PDF was written: %1</translation>
    </message>
</context>
<context>
    <name>VisitListPanel</name>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="71"/>
        <source>Search all visits (Ctrl+F)</source>
        <translation>Search all visits (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="74"/>
        <source>E&amp;xact forms</source>
        <translation>E&amp;xact forms</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="75"/>
        <source>Find words only in the form typed; otherwise a word finds all its forms</source>
        <translation>Find words only in the form typed; otherwise a word finds all its forms</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="72"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="81"/>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="82"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="86"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="88"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="88"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="91"/>
        <source>any date</source>
        <translation>any date</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="95"/>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="95"/>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="110"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="113"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="149"/>
        <source>All series</source>
        <translation>All series</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/visit_list.py" line="172"/>
        <location filename="../../visitapp/ui/visit_list.py" line="208"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/visit_list.py" line="189"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypted database</source>
        <translation>Encrypted database</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The database %1 is encrypted. Enter its passphrase.</source>
        <translation>The database %1 is encrypted. Enter its passphrase.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>That passphrase does not open it; try again.</source>
        <translation>That passphrase does not open it; try again.</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Protect your notes</source>
        <translation>Protect your notes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Your notes hold business plans and personal data. Encrypt the database %1 so that nobody who gets this laptop or a copy of the file can read it?</source>
        <translation>Your notes hold business plans and personal data. Encrypt the database %1 so that nobody who gets this laptop or a copy of the file can read it?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Keep a random key in this computer's keyring (recommended)</source>
        <translation>Keep a random key in this computer's keyring (recommended)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Use a passphrase that I type at every start</source>
        <translation>Use a passphrase that I type at every start</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Repeat:</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Encrypt</source>
        <translation>&amp;Encrypt</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Not now</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Type a passphrase, or choose the keyring.</source>
        <translation>Type a passphrase, or choose the keyring.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Not encrypted</source>
        <translation>Not encrypted</translation>
    </message>
</context>
<context>
    <name>TagsDelegate</name>
    <message>
        <location filename="../../visitapp/ui/capture/tags_delegate.py" line="1"/>
        <source>Edit tags</source>
        <translation>Edit tags</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Type a date as 31.01.2027 or 2027-01-31; Alt+Down opens the calendar.</source>
        <translation>Type a date as 31.01.2027 or 2027-01-31; Alt+Down opens the calendar.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Open the calendar</source>
        <translation>Open the calendar</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Open the calendar (Alt+Down)</source>
        <translation>Open the calendar (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>“%1” is not a date: type it as 31.01.2027 or 2027-01-31.</source>
        <translation>“%1” is not a date: type it as 31.01.2027 or 2027-01-31.</translation>
    </message>
</context>
<context>
    <name>DateTimeEdit</name>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>%1, time</source>
        <translation>%1, time</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <!-- Qt's own file dialog: strings Qt 6 changed that qtbase_pl.qm does not translate yet (issue 11) -->
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Directory:</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1 (authority not trusted)</source>
        <translation>%1 (authority not trusted)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1, qualified (its authority is a qualified timestamp service of the trusted list)</source>
        <translation>%1, qualified (its authority is a qualified timestamp service of the trusted list)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1 (not qualified)</source>
        <translation>%1 (not qualified)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>A signer&apos;s own certificate, or a certificate authority&apos;s, for this check only</source>
        <translation>A signer&apos;s own certificate, or a certificate authority&apos;s, for this check only</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>All signatures are intact and trusted, and the record is valid.</source>
        <translation>All signatures are intact and trusted, and the record is valid.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Also &amp;trust a certificate…</source>
        <translation>Also &amp;trust a certificate…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Also trust a certificate</source>
        <translation>Also trust a certificate</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Certificate fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Check signed minutes</source>
        <translation>Check signed minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Choose the signed minutes to check.</source>
        <translation>Choose the signed minutes to check.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Covers the whole file</source>
        <translation>Covers the whole file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Intact</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signatures and record</source>
        <translation>Signatures and record</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed minutes (*.pdf);;All files (*)</source>
        <translation>Signed minutes (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed minutes file</source>
        <translation>Signed minutes file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signer identity</source>
        <translation>Signer identity</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>The file could not be checked (%1).</source>
        <translation>The file could not be checked (%1).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>The minutes are not valid.</source>
        <translation>The minutes are not valid.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Timestamp</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>a signed PDF</source>
        <translation>a signed PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>broken</source>
        <translation>broken</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>none (the signing time is the signer&apos;s claim)</source>
        <translation>none (the signing time is the signer&apos;s claim)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>not trusted</source>
        <translation>not trusted</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>not valid</source>
        <translation>not valid</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes, pinned by its fingerprint</source>
        <translation>yes, pinned by its fingerprint</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes, under %1</source>
        <translation>yes, under %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted: the signers and certificate authorities of this database.</source>
        <translation>Trusted: the signers and certificate authorities of this database.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted: the signers and certificate authorities of this database, and %1.</source>
        <translation>Trusted: the signers and certificate authorities of this database, and %1.</translation>
    </message>
</context>
<context>
    <name>CertificateForm</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Password of the new certificate</source>
        <translation>Password of the new certificate</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The password again</source>
        <translation>The password again</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Again:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Key file</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Key file:</source>
        <translation>&amp;Key file:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>At least %1 characters.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Weak: make it longer, mix letters, digits and other characters.</source>
        <translation>Weak: make it longer, mix letters, digits and other characters.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Fair: a few more characters would make it strong.</source>
        <translation>Fair: a few more characters would make it strong.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your certificate for the coordinator goes beside it: %1</source>
        <translation>Your certificate for the coordinator goes beside it: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Certificate files (*.p12);;All files (*)</source>
        <translation>Certificate files (*.p12);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Type your name first: the certificate names you.</source>
        <translation>Type your name first: the certificate names you.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The password must have at least %1 characters.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>The two passwords differ; type the same password twice.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Choose where the key file goes.</source>
        <translation>Choose where the key file goes.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Creating your key…</source>
        <translation>Creating your key…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is ready.</source>
        <translation>Your key is ready.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The key could not be written: %1.</source>
        <translation>The key could not be written: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The key could not be made: %1.</source>
        <translation>The key could not be made: %1.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</source>
        <translation>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Show the certificate&apos;s &amp;folder</source>
        <translation>Show the certificate&apos;s &amp;folder</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Notes by: %1</source>
        <translation>Notes by: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You sign with token %1, key %2.</source>
        <translation>You sign with token %1, key %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You can create a certificate or choose a card later in Settings.</source>
        <translation>You can create a certificate or choose a card later in Settings.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The example data opens now; your own data file from the next start.</source>
        <translation>The example data opens now; your own data file from the next start.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You can change all of this later in Settings.</source>
        <translation>You can change all of this later in Settings.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The PIN was right and the key signed as %1.</source>
        <translation>The PIN was right and the key signed as %1.</translation>
    </message>
</context>
<context>
    <name>NewCertificateDialog</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</source>
        <translation>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Create my certificate</source>
        <translation>Create my certificate</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>A personal certificate signs your minutes. It names %1 (%2).</source>
        <translation>A personal certificate signs your minutes. It names %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Show &amp;folder</source>
        <translation>Show &amp;folder</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Welcome to visitapp</source>
        <translation>Welcome to visitapp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>A few questions before your first visit. Every answer can be changed later in Settings.</source>
        <translation>A few questions before your first visit. Every answer can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Who you are</source>
        <translation>Who you are</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your notes carry your name, and your signature stamp says it with your institution and role.</source>
        <translation>Your notes carry your name, and your signature stamp says it with your institution and role.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>e.g. Anna Nowak</source>
        <translation>e.g. Anna Nowak</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your data file</source>
        <translation>Your data file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your visits and notes are kept in one file on this computer.</source>
        <translation>Your visits and notes are kept in one file on this computer.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Data file</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Data file:</source>
        <translation>&amp;Data file:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Try visitapp with example data first</source>
        <translation>&amp;Try visitapp with example data first</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The example data is a separate file: your own data file stays empty and is opened from the next start (or choose it in Settings).</source>
        <translation>The example data is a separate file: your own data file stays empty and is opened from the next start (or choose it in Settings).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>visitapp databases (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>How you sign minutes</source>
        <translation>How you sign minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Signed minutes show the coordinator that they come from you, unchanged.</source>
        <translation>Signed minutes show the coordinator that they come from you, unchanged.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Create a personal certificate now</source>
        <translation>&amp;Create a personal certificate now</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Use a &amp;smart card or token (PKCS#11)</source>
        <translation>Use a &amp;smart card or token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your personal certificate</source>
        <translation>Your personal certificate</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose a password for your key. It is asked each time you sign and is never stored; nobody can recover it.</source>
        <translation>Choose a password for your key. It is asked each time you sign and is never stored; nobody can recover it.</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your smart card or token</source>
        <translation>Your smart card or token</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Insert the card, choose its module, then its token and key. The PIN is checked now, asked again at each signature, and never stored.</source>
        <translation>Insert the card, choose its module, then its token and key. The PIN is checked now, asked again at each signature, and never stored.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>PKCS#11 module</source>
        <translation>PKCS#11 module</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Find tokens</source>
        <translation>&amp;Find tokens</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Module:</source>
        <translation>&amp;Module:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Token label</source>
        <translation>Token label</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Key label</source>
        <translation>Key label</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Key:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Libraries (*.so *.dll *.dylib);;All files (*)</source>
        <translation>Libraries (*.so *.dll *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose the PKCS#11 module of your card or token.</source>
        <translation>Choose the PKCS#11 module of your card or token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Looking for tokens…</source>
        <translation>Looking for tokens…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>No token found; is the card inserted?</source>
        <translation>No token found; is the card inserted?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Found %n token(s).</source>
        <translation>
            <numerusform>Found %n token.</numerusform>
            <numerusform>Found %n tokens.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose your token.</source>
        <translation>Choose your token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose your key on the token.</source>
        <translation>Choose your key on the token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>checked now, never stored</source>
        <translation>checked now, never stored</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>Type the PIN of your card: it is checked now and never stored.</source>
        <translation>Type the PIN of your card: it is checked now and never stored.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>The PIN of token %1 is locked after too many wrong tries; unlock it with its PUK in the card&apos;s own program, or ask whoever issued the card.</source>
        <translation>The PIN of token %1 is locked after too many wrong tries; unlock it with its PUK in the card&apos;s own program, or ask whoever issued the card.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>The token could not be used: %1.</source>
        <translation>The token could not be used: %1.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>visitapp: first start</source>
        <translation>visitapp: first start</translation>
    </message>
</context>
<context>
    <name>ConversionJob</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypting the database</source>
        <translation>Encrypting the database</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypting the database; your notes stay as they are until it is done.</source>
        <translation>Encrypting the database; your notes stay as they are until it is done.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Cancelling; the database stays as it was…</source>
        <translation>Cancelling; the database stays as it was…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The database could not be encrypted (%1); it was not changed.</source>
        <translation>The database could not be encrypted (%1); it was not changed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Not encrypted</source>
        <translation>Not encrypted</translation>
    </message>
</context>
<context>
    <name>CosignDialog</name>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-sign minutes</source>
        <translation>Co-sign minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed minutes to co-sign</source>
        <translation>Signed minutes to co-sign</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Open signed minutes…</source>
        <translation>&amp;Open signed minutes…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Open the signed minutes you were asked to co-sign.</source>
        <translation>Open the signed minutes you were asked to co-sign.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-signing the minutes of the visit</source>
        <translation>Co-signing the minutes of the visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-signed copy</source>
        <translation>Co-signed copy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Co-sign</source>
        <translation>&amp;Co-sign</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed minutes</source>
        <translation>Signed minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Checking the signatures…</source>
        <translation>Checking the signatures…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed by %1 (%2) on %3; intact.</source>
        <translation>Signed by %1 (%2) on %3; intact.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Minutes of %1, version %2.</source>
        <translation>Minutes of %1, version %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>The pages&apos; text (install poppler-utils to see them).</source>
        <translation>The pages&apos; text (install poppler-utils to see them).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>-co-signed</source>
        <translation>-co-signed</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>This file cannot be co-signed.</source>
        <translation>This file cannot be co-signed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Choose where the co-signed copy goes.</source>
        <translation>Choose where the co-signed copy goes.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signing…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Wrote %1, co-signed by %2.</source>
        <translation>Wrote %1, co-signed by %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>The minutes could not be co-signed: %1.</source>
        <translation>The minutes could not be co-signed: %1.</translation>
    </message>
</context>
<context>
    <name>ProvenanceTab</name>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed files merged into this visit</source>
        <translation>Signed files merged into this visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Merged from %n signed file(s).</source>
        <translation>
            <numerusform>Merged from %n signed file.</numerusform>
            <numerusform>Merged from %n signed files.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Current: %1.</source>
        <translation>Current: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>not finalised</source>
        <translation>not finalised</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>(superseded)</source>
        <translation>(superseded)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
</context>
<context>
    <name>PassphraseHint</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>At least %1 characters.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Weak: make it longer, mix letters, digits and other characters.</source>
        <translation>Weak: make it longer, mix letters, digits and other characters.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Fair: a few more characters would make it strong.</source>
        <translation>Fair: a few more characters would make it strong.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Change database password</source>
        <translation>Change database password</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Choose the new key of the encrypted database %1. Until the change is done and checked, the key it has now keeps opening it.</source>
        <translation>Choose the new key of the encrypted database %1. Until the change is done and checked, the key it has now keeps opening it.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Keep a new random key in this computer's keyring (recommended)</source>
        <translation>Keep a new random key in this computer's keyring (recommended)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Use a new passphrase that I type at every start</source>
        <translation>Use a new passphrase that I type at every start</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The new passphrase again</source>
        <translation>The new passphrase again</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>New &amp;passphrase:</source>
        <translation>New &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Change key</source>
        <translation>&amp;Change key</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Type the new passphrase, or choose the keyring.</source>
        <translation>Type the new passphrase, or choose the keyring.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>RemoveProtectionDialog</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Its key is kept in this computer's keyring: remove the protection</source>
        <translation>Its key is kept in this computer's keyring: remove the protection</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Remove protection</source>
        <translation>Remove protection</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>After this, the database %1 is a plain file: anyone with access to this laptop, or to a copy of the file or of its backups, can read every note, business plan and person's data in it. Remove its encryption?</source>
        <translation>After this, the database %1 is a plain file: anyone with access to this laptop, or to a copy of the file or of its backups, can read every note, business plan and person's data in it. Remove its encryption?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Remove protection</source>
        <translation>&amp;Remove protection</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Changing the database key</source>
        <translation>Changing the database key</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Encrypting the database with its new key; your notes stay as they are until it is done.</source>
        <translation>Encrypting the database with its new key; your notes stay as they are until it is done.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Key not changed</source>
        <translation>Key not changed</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The database key could not be changed (%1); the database was not changed.</source>
        <translation>The database key could not be changed (%1); the database was not changed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Removing the protection</source>
        <translation>Removing the protection</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Writing the database without encryption; your notes stay as they are until it is done.</source>
        <translation>Writing the database without encryption; your notes stay as they are until it is done.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Protection not removed</source>
        <translation>Protection not removed</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The protection could not be removed (%1); the database was not changed.</source>
        <translation>The protection could not be removed (%1); the database was not changed.</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Encrypt this database…</source>
        <translation>&amp;Encrypt this database…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Change database &amp;password…</source>
        <translation>Change database &amp;password…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Re&amp;move protection…</source>
        <translation>Re&amp;move protection…</translation>
    </message>
</context>
<context>
    <name>SearchProgress</name>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="136"/>
        <source>Preparing search</source>
        <translation>Preparing search</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="139"/>
        <source>Search is being prepared to find every form of a word. Until it is done, older texts are found only by the word forms typed.</source>
        <translation>Search is being prepared to find every form of a word. Until it is done, older texts are found only by the word forms typed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="150"/>
        <source>Preparing search: %1 of %2 texts; until then words are found only as typed</source>
        <translation>Preparing search: %1 of %2 texts; until then words are found only as typed</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="161"/>
        <source>Search is ready: a word finds all its forms.</source>
        <translation>Search is ready: a word finds all its forms.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="164"/>
        <source>Search is not fully prepared; the rest is done at the next start.</source>
        <translation>Search is not fully prepared; the rest is done at the next start.</translation>
    </message>
</context>
<context>
    <name>PresentKey</name>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Present passphrase</source>
        <translation>Present passphrase</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Its present key is kept in this computer's keyring: replace it</source>
        <translation>Its present key is kept in this computer's keyring: replace it</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Presen&amp;t passphrase:</source>
        <translation>Presen&amp;t passphrase:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Tick the box to confirm that the key in the keyring is replaced.</source>
        <translation>Tick the box to confirm that the key in the keyring is replaced.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>The keyring no longer holds this database's key; nothing was changed.</source>
        <translation>The keyring no longer holds this database's key; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Type the present passphrase of the database.</source>
        <translation>Type the present passphrase of the database.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>The present passphrase is not right; nothing was changed.</source>
        <translation>The present passphrase is not right; nothing was changed.</translation>
    </message>
</context>
</TS>
