<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AboutAction</name>
    <message>
        <location filename="../../visitapp/ui/about.py" line="72"/>
        <source>&amp;About visitapp…</source>
        <translation>&amp;O programie visitapp…</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../visitapp/ui/about.py" line="30"/>
        <source>About visitapp</source>
        <translation>O programie visitapp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="44"/>
        <source>Notes from reference visits to companies, signed minutes and a registry of the series.</source>
        <translation>Notatki z wizyt referencyjnych w firmach, podpisane protokoły i rejestr całego cyklu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="46"/>
        <source>visitapp is free software under the MIT licence. It ships software by others under their own licences, listed below: Qt and PySide6 under the GNU LGPL version 3, the Noto Sans fonts under the SIL Open Font License, and the Python packages under theirs.</source>
        <translation>visitapp jest wolnym oprogramowaniem na licencji MIT. Zawiera oprogramowanie innych autorów na ich licencjach, wymienionych niżej: Qt i PySide6 na licencji GNU LGPL w wersji 3, fonty Noto Sans na licencji SIL Open Font License, a pakiety Pythona na ich własnych.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="51"/>
        <source>visitapp licence</source>
        <translation>Licencja visitapp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="51"/>
        <source>Qt, PySide6 and others</source>
        <translation>Qt, PySide6 i inne</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="52"/>
        <source>Fonts</source>
        <translation>Fonty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/about.py" line="4"/>
        <source>Python packages</source>
        <translation>Pakiety Pythona</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="17"/>
        <source>Action item</source>
        <translation>Zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="22"/>
        <source>Commitment:</source>
        <translation>Zobowiązanie:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="27"/>
        <source>Owner</source>
        <translation>Osoba odpowiedzialna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="29"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Osoba odpowiedzialna:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="33"/>
        <source>&amp;Due date</source>
        <translation>&amp;Termin</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="36"/>
        <source>Due date</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/action_dialog.py" line="43"/>
        <source>Due:</source>
        <translation>Termin:</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Action item</source>
        <translation>Zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Owner</source>
        <translation>Osoba odpowiedzialna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="23"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/actions_panel.py" line="24"/>
        <source>Action items</source>
        <translation>Zadania</translation>
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
        <translation>Pole notatki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="44"/>
        <source>Type a note; Ctrl+Enter adds it to the current section</source>
        <translation>Wpisz notatkę; Ctrl+Enter dodaje ją do bieżącej sekcji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="53"/>
        <source>Tags, separated by commas</source>
        <translation>Tagi, oddzielone przecinkami</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="54"/>
        <source>Tags</source>
        <translation>Tagi</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="59"/>
        <source>Visibility</source>
        <translation>Widoczność</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="63"/>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="63"/>
        <source>Add the note to the current section (Ctrl+Enter)</source>
        <translation>Dodaj notatkę do bieżącej sekcji (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Visibility of the next note</source>
        <translation>Widoczność następnej notatki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Ctrl+Shift+1 internal, Ctrl+Shift+2 partner institutions, Ctrl+Shift+3 company copy</source>
        <translation>Ctrl+Shift+1 wewnętrzna, Ctrl+Shift+2 dla instytucji partnerskich, Ctrl+Shift+3 do kopii dla firmy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>Next note:</source>
        <translation>Następna notatka:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/capture_box.py" line="1"/>
        <source>A draft typed earlier was restored (stored %1); Ctrl+Enter adds it.</source>
        <translation>Przywrócono wcześniej wpisany szkic (zapisany %1); Ctrl+Enter go doda.</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="74"/>
        <source>Fields</source>
        <translation>Pola</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="75"/>
        <source>Action items</source>
        <translation>Zadania</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/capture/view.py" line="188"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n notatka</numerusform>
            <numerusform>%n notatki</numerusform>
            <numerusform>%n notatek</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="204"/>
        <source>Section %1: %2</source>
        <translation>Sekcja %1: %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="300"/>
        <source>Move note</source>
        <translation>Przenieś notatkę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="300"/>
        <source>To section:</source>
        <translation>Do sekcji:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="389"/>
        <source>Not stored: %1 Your text stays here until it can be stored.</source>
        <translation>Nie zapisano: %1 Tekst zostaje tutaj, dopóki nie uda się go zapisać.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/view.py" line="1"/>
        <source>Move to section…</source>
        <translation>Przenieś do sekcji…</translation>
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
        <translation>%1 — %2, ważny do %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>%n token(s) found.</source>
        <translation>
            <numerusform>Znaleziono %n token.</numerusform>
            <numerusform>Znaleziono %n tokeny.</numerusform>
            <numerusform>Znaleziono %n tokenów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>&amp;Find tokens</source>
        <translation>&amp;Znajdź tokeny</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Choose your key: %n certificate(s) on the token.</source>
        <translation>
            <numerusform>Wybierz swój klucz: %n certyfikat na tokenie.</numerusform>
            <numerusform>Wybierz swój klucz: %n certyfikaty na tokenie.</numerusform>
            <numerusform>Wybierz swój klucz: %n certyfikatów na tokenie.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Keys on the token</source>
        <translation>Klucze na tokenie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Looking for tokens…</source>
        <translation>Szukanie tokenów…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>No token was found in this module; is the card inserted?</source>
        <translation>W tym module nie znaleziono tokenu; czy karta jest włożona?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>The module could not be asked (%1).</source>
        <translation>Nie udało się odpytać modułu (%1).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>There is no certificate on this token.</source>
        <translation>Na tym tokenie nie ma certyfikatu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="1"/>
        <source>Tokens found</source>
        <translation>Znalezione tokeny</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="124"/>
        <source>&amp;Key label:</source>
        <translation>Etykieta &amp;klucza:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="118"/>
        <source>&amp;Module:</source>
        <translation>&amp;Moduł:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="142"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="142"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="121"/>
        <source>&amp;Token label:</source>
        <translation>Etykieta &amp;tokenu:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="96"/>
        <source>B&amp;rowse…</source>
        <translation>Przeglą&amp;daj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="112"/>
        <source>Bro&amp;wse…</source>
        <translation>Prz&amp;eglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="102"/>
        <source>Certificate f&amp;ile:</source>
        <translation>Plik &amp;certyfikatu:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="94"/>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="203"/>
        <source>Certificate file</source>
        <translation>Plik certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="67"/>
        <source>Certificate file (PKCS#12)</source>
        <translation>Plik certyfikatu (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="204"/>
        <source>Certificate files (*.p12 *.pfx);;All files (*)</source>
        <translation>Pliki certyfikatów (*.p12 *.pfx);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="171"/>
        <source>Choose the PKCS#11 module of your card or token.</source>
        <translation>Wybierz moduł PKCS#11 swojej karty lub tokenu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="166"/>
        <source>Choose your certificate file.</source>
        <translation>Wybierz swój plik certyfikatu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="66"/>
        <source>Do not sign</source>
        <translation>Bez podpisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="65"/>
        <source>How to sign</source>
        <translation>Sposób podpisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="123"/>
        <source>Key label</source>
        <translation>Etykieta klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="210"/>
        <source>Libraries (*.so *.dll *.dylib);;All files (*)</source>
        <translation>Biblioteki (*.so *.dll *.dylib);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="143"/>
        <source>PIN of the token</source>
        <translation>PIN tokenu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="110"/>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="209"/>
        <source>PKCS#11 module</source>
        <translation>Moduł PKCS#11</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="144"/>
        <source>Password of the certificate file</source>
        <translation>Hasło do pliku certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="85"/>
        <source>R&amp;eason:</source>
        <translation>Po&amp;wód:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="84"/>
        <source>Reason for signing</source>
        <translation>Powód podpisania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="69"/>
        <source>Si&amp;gn with:</source>
        <translation>Sposó&amp;b podpisu:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="62"/>
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="68"/>
        <source>Smart card or token (PKCS#11)</source>
        <translation>Karta kryptograficzna lub token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="120"/>
        <source>Token label</source>
        <translation>Etykieta tokenu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="177"/>
        <source>Type the PIN of your token.</source>
        <translation>Wpisz PIN swojego tokenu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="173"/>
        <source>Type the label of your key on the token.</source>
        <translation>Wpisz etykietę swojego klucza na tokenie.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="172"/>
        <source>Type the label of your token.</source>
        <translation>Wpisz etykietę swojego tokenu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="168"/>
        <source>Type the password of your certificate file.</source>
        <translation>Wpisz hasło do pliku certyfikatu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="95"/>
        <source>a .p12 or .pfx file</source>
        <translation>plik .p12 lub .pfx</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/certificate_box.py" line="111"/>
        <source>the card&apos;s driver library, e.g. opensc-pkcs11.so</source>
        <translation>biblioteka sterownika karty, np. opensc-pkcs11.so</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>&amp;Encrypt this database…</source>
        <translation>&amp;Zaszyfruj tę bazę danych…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>Encrypt this database</source>
        <translation>Zaszyfruj tę bazę danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="1"/>
        <source>This database is already encrypted.</source>
        <translation>Ta baza danych jest już zaszyfrowana.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="19"/>
        <source>visitapp — coordinator</source>
        <translation>visitapp — koordynator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;New registry…</source>
        <translation>&amp;Nowy rejestr…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;Open registry…</source>
        <translation>&amp;Otwórz rejestr…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open &amp;server registry…</source>
        <translation>Otwórz rejestr na &amp;serwerze…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open server registry</source>
        <translation>Otwórz rejestr na serwerze</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Database URL, e.g. postgresql+psycopg://user@host/registry (the password comes from ~/.pgpass or PGPASSWORD):</source>
        <translation>Adres bazy danych, np. postgresql+psycopg://użytkownik@host/rejestr (hasło pochodzi z ~/.pgpass lub PGPASSWORD):</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="146"/>
        <source>A password typed into the URL would be shown on screen and could be kept among the recent registries; remove it from the URL and keep it in ~/.pgpass, PGPASSWORD or a service file (?service=NAME).</source>
        <translation>Hasło wpisane w adres byłoby widoczne na ekranie i mogłoby zostać zapamiętane wśród ostatnich rejestrów; usuń je z adresu i trzymaj w ~/.pgpass, PGPASSWORD lub w pliku usług (?service=NAZWA).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>&amp;Recent registries</source>
        <translation>&amp;Ostatnie rejestry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp — coordinator — %1</source>
        <translation>visitapp — koordynator — %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>New registry</source>
        <translation>Nowy rejestr</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>registry.db</source>
        <translation>rejestr.db</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp databases (*.db)</source>
        <translation>Bazy danych visitapp (*.db)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Open registry</source>
        <translation>Otwórz rejestr</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>Bazy danych visitapp (*.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 już istnieje; wybierz nową nazwę pliku.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>%1 does not exist.</source>
        <translation>%1 nie istnieje.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Wait until the merge has finished, then choose the registry.</source>
        <translation>Poczekaj, aż scalanie się zakończy, a potem wybierz rejestr.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator_window.py" line="40"/>
        <source>Encrypt this registry from the command line: visitapp db encrypt --db FILE.</source>
        <translation>Zaszyfruj ten rejestr z wiersza poleceń: visitapp db encrypt --db PLIK.</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../visitapp/ui/capture/fields_panel.py" line="24"/>
        <source>Structured fields</source>
        <translation>Pola strukturalne</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/fields_panel.py" line="80"/>
        <source>separated by commas</source>
        <translation>oddzielone przecinkami</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>open</source>
        <translation>otwarte</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>done</source>
        <translation>wykonane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>cancelled</source>
        <translation>anulowane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Internal: every note</source>
        <translation>Wewnętrzna: wszystkie notatki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Partner institutions: notes shared with partners or the company</source>
        <translation>Dla instytucji partnerskich: notatki udostępnione partnerom lub firmie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="52"/>
        <source>Company copy: only notes marked for the company</source>
        <translation>Dla firmy: tylko notatki oznaczone dla firmy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Quote</source>
        <translation>Cytat</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="17"/>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Commitment</source>
        <translation>Zobowiązanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Question</source>
        <translation>Pytanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="18"/>
        <source>Risk</source>
        <translation>Ryzyko</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>Planned</source>
        <translation>Zaplanowana</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>In progress</source>
        <translation>W toku</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="23"/>
        <source>Finalised</source>
        <translation>Zatwierdzona</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>City</source>
        <translation>Miasto</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="27"/>
        <source>Other</source>
        <translation>Inna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="31"/>
        <source>Internal</source>
        <translation>Wewnętrzna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="31"/>
        <source>Partner institutions</source>
        <translation>Instytucje partnerskie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/labels.py" line="32"/>
        <source>Company copy</source>
        <translation>Kopia dla firmy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="1"/>
        <source>C&amp;heck signed minutes…</source>
        <translation>Sp&amp;rawdź podpisany protokół…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="32"/>
        <source>visitapp — visit notes</source>
        <translation>visitapp — notatki z wizyt</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="37"/>
        <source>Choose a visit from the list, or prepare a new one with Ctrl+N.</source>
        <translation>Wybierz wizytę z listy albo przygotuj nową (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="52"/>
        <source>Storage status</source>
        <translation>Stan zapisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="85"/>
        <source>&amp;New visit…</source>
        <translation>&amp;Nowa wizyta…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="86"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="87"/>
        <source>&amp;Coordinator: merge, actions, reports…</source>
        <translation>&amp;Koordynator: scalanie, zadania, raporty…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="90"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="92"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="93"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="96"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="102"/>
        <source>&amp;Search visits</source>
        <translation>&amp;Szukaj w wizytach</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="104"/>
        <source>&amp;Visit</source>
        <translation>&amp;Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="106"/>
        <source>&amp;Details…</source>
        <translation>&amp;Szczegóły…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="107"/>
        <source>Go to &amp;notes</source>
        <translation>Przejdź do &amp;notatek</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="108"/>
        <source>&amp;Previous section</source>
        <translation>&amp;Poprzednia sekcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="109"/>
        <source>Ne&amp;xt section</source>
        <translation>Na&amp;stępna sekcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="110"/>
        <source>&amp;Move note to section…</source>
        <translation>P&amp;rzenieś notatkę do sekcji…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="111"/>
        <source>Make &amp;action item…</source>
        <translation>Utwórz &amp;zadanie…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="116"/>
        <source>&amp;Finalise and sign…</source>
        <translation>&amp;Zatwierdź i podpisz…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="119"/>
        <source>Signing is not installed in this copy of visitapp yet.</source>
        <translation>Podpisywanie nie jest jeszcze dostępne w tej kopii visitapp.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="122"/>
        <source>&amp;Kind</source>
        <translation>&amp;Rodzaj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="127"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="128"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="204"/>
        <source>Notes by: %1</source>
        <translation>Autor notatek: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="206"/>
        <source>Notes by: %1 (set your name in Settings)</source>
        <translation>Autor notatek: %1 (ustaw swoje imię i nazwisko w Ustawieniach)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="222"/>
        <source>All changes stored at %1</source>
        <translation>Wszystkie zmiany zapisane o %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="226"/>
        <source>Not stored!</source>
        <translation>Nie zapisano!</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py" line="275"/>
        <source>Some text could not be stored (see the status bar). Quit anyway and lose it?</source>
        <translation>Części tekstu nie udało się zapisać (zob. pasek stanu). Zakończyć mimo to i go utracić?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Co-&amp;sign minutes…</source>
        <translation>&amp;Współpodpisz protokół…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Opening…</source>
        <translation>Otwieranie…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/main_window.py"/>
        <source>Opening the database…</source>
        <translation>Otwieranie bazy danych…</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="39"/>
        <source>Edit note</source>
        <translation>Edytuj notatkę</translation>
    </message>
</context>
<context>
    <name>NotesTree</name>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Time</source>
        <translation>Godzina</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Tags</source>
        <translation>Tagi</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="66"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="70"/>
        <source>Sections and notes</source>
        <translation>Sekcje i notatki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="1"/>
        <source>%1 (typed: %2)</source>
        <translation>%1 (wpisano: %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/capture/notes_tree.py" line="1"/>
        <source>Visibility</source>
        <translation>Widoczność</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../visitapp/ui/ops_runner.py" line="104"/>
        <source>The change could not be stored (%1).</source>
        <translation>Nie udało się zapisać zmiany (%1).</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../visitapp/ui/page_preview.py" line="20"/>
        <source>Preview of the pages</source>
        <translation>Podgląd stron</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/page_preview.py" line="53"/>
        <source>Page %1 of %2</source>
        <translation>Strona %1 z %2</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participants</source>
        <translation>Uczestnicy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participant&apos;s name</source>
        <translation>Imię i nazwisko uczestnika</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Na&amp;me:</source>
        <translation>I&amp;mię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Instit&amp;ution:</source>
        <translation>I&amp;nstytucja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Role</source>
        <translation>Funkcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>R&amp;ole:</source>
        <translation>&amp;Funkcja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Side</source>
        <translation>Strona</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Si&amp;de:</source>
        <translation>Stro&amp;na:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>&amp;Add participant</source>
        <translation>&amp;Dodaj uczestnika</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Participants (double-click changes, Delete removes)</source>
        <translation>Uczestnicy (dwuklik: zmiana, Delete: usunięcie)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Double-click a participant to change their details.</source>
        <translation>Kliknij dwukrotnie uczestnika, aby zmienić jego dane.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>Remove par&amp;ticipant</source>
        <translation>&amp;Usuń uczestnika</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare_people.py"/>
        <source>&amp;Apply changes to participant</source>
        <translation>Popraw &amp;dane uczestnika</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="64"/>
        <source>Prepare visit</source>
        <translation>Przygotuj wizytę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="64"/>
        <source>Visit details</source>
        <translation>Szczegóły wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="88"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="91"/>
        <source>Organisation name</source>
        <translation>Nazwa organizacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="96"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
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
        <translation>Branża</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="110"/>
        <source>S&amp;ector:</source>
        <translation>&amp;Branża:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="112"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="113"/>
        <source>Add&amp;ress:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="116"/>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="119"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="120"/>
        <source>T&amp;itle:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="125"/>
        <source>Start</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="125"/>
        <source>End</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="129"/>
        <source>&amp;Start:</source>
        <translation>&amp;Początek:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="130"/>
        <source>En&amp;d:</source>
        <translation>&amp;Koniec:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="132"/>
        <source>Place</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="133"/>
        <source>&amp;Place:</source>
        <translation>&amp;Miejsce:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="135"/>
        <source>Polish</source>
        <translation>polski</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="136"/>
        <source>English</source>
        <translation>angielski</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="137"/>
        <source>Language of the minutes</source>
        <translation>Język protokołu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="138"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="140"/>
        <source>Template</source>
        <translation>Szablon</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="145"/>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Szablon:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="147"/>
        <source>Series</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="148"/>
        <source>(none)</source>
        <translation>(brak)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="152"/>
        <source>Se&amp;ries:</source>
        <translation>C&amp;ykl:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="189"/>
        <source>Agenda (one item per line)</source>
        <translation>Program (jeden punkt w wierszu)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="193"/>
        <source>Agenda</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="211"/>
        <source>valid</source>
        <translation>poprawny</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="213"/>
        <source>invalid check digit</source>
        <translation>błędna cyfra kontrolna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="224"/>
        <source>Reference visit: %1</source>
        <translation>Wizyta referencyjna: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>New series…</source>
        <translation>Nowy cykl…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>New series</source>
        <translation>Nowy cykl</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="1"/>
        <source>Name of the series:</source>
        <translation>Nazwa cyklu:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Case number</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>&amp;Case number:</source>
        <translation>&amp;Znak sprawy:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Approved by (name, role)</source>
        <translation>Zatwierdza (imię i nazwisko, funkcja)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Name, role</source>
        <translation>Imię i nazwisko, funkcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py" line="156"/>
        <source>Appro&amp;ved by:</source>
        <translation>Zat&amp;wierdza:</translation>
    </message>
    <message>
        <source>Time zone of the visit</source>
        <translation>Strefa czasowa wizyty</translation>
    </message>
    <message>
        <source>The start and end are read on this clock; the list, the notes, the minutes and the signature show the visit&apos;s times on it.</source>
        <translation>Początek i koniec są podane według tego zegara; lista, notatki, protokół i podpis pokazują czas wizyty według niego.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Stre&amp;fa czasowa:</translation>
    </message>
    <message>
        <source>Visibility a new note starts with</source>
        <translation>Widoczność, z którą zaczyna się nowa notatka</translation>
    </message>
    <message>
        <source>Each new note of this visit starts with this visibility; a note can still be changed one by one.</source>
        <translation>Każda nowa notatka tej wizyty zaczyna się z tą widocznością; każdą notatkę można potem zmienić osobno.</translation>
    </message>
    <message>
        <source>Ne&amp;w notes:</source>
        <translation>Nowe notat&amp;ki:</translation>
    </message>
    <message>
        <source>Notes go into the template&apos;s sections</source>
        <translation>Notatki trafiają do sekcji szablonu</translation>
    </message>
    <message>
        <source>Each agenda item is a section, after the template&apos;s</source>
        <translation>Każdy punkt programu to sekcja, po sekcjach szablonu</translation>
    </message>
    <message>
        <source>Each agenda item is a section, instead of the template&apos;s</source>
        <translation>Każdy punkt programu to sekcja, zamiast sekcji szablonu</translation>
    </message>
    <message>
        <source>Agenda items as sections</source>
        <translation>Punkty programu jako sekcje</translation>
    </message>
    <message>
        <source>Instead of the template&apos;s sections, the template&apos;s sections that hold structured answers stay after the agenda&apos;s.</source>
        <translation>Przy zastąpieniu sekcji szablonu zostają po sekcjach programu te sekcje szablonu, które mają pola z odpowiedziami.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Co-signer (name)</source>
        <translation>Współpodpisujący (imię i nazwisko)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Empty: no co-signature</source>
        <translation>Puste: bez współpodpisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Who is expected to co-sign the minutes; the PDF leaves a place for that signature. Empty: none.</source>
        <translation>Kto ma współpodpisać protokół; w PDF zostaje miejsce na ten podpis. Puste: nikt.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Co-si&amp;gner:</source>
        <translation>Współp&amp;odpisuje:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/prepare.py"/>
        <source>Ver&amp;batim minutes: each note shows its time</source>
        <translation>Protokół dosłowny: przy każdej notatce &amp;godzina</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="113"/>
        <source>%n page(s), as they will be finalised (the signature stamp is added on signing).</source>
        <translation>
            <numerusform>%n strona w wersji do zatwierdzenia (pieczęć podpisu dochodzi przy podpisywaniu).</numerusform>
            <numerusform>%n strony w wersji do zatwierdzenia (pieczęć podpisu dochodzi przy podpisywaniu).</numerusform>
            <numerusform>%n stron w wersji do zatwierdzenia (pieczęć podpisu dochodzi przy podpisywaniu).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="118"/>
        <source>%n page(s); open the preview in your PDF viewer to see them as printed.</source>
        <translation>
            <numerusform>%n strona; otwórz podgląd w przeglądarce PDF, aby zobaczyć ją jak w druku.</numerusform>
            <numerusform>%n strony; otwórz podgląd w przeglądarce PDF, aby zobaczyć je jak w druku.</numerusform>
            <numerusform>%n stron; otwórz podgląd w przeglądarce PDF, aby zobaczyć je jak w druku.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="68"/>
        <source>Drawing the pages…</source>
        <translation>Rysowanie stron…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="48"/>
        <source>Open preview in PDF &amp;viewer</source>
        <translation>Otwórz podg&amp;ląd w przeglądarce PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="117"/>
        <source>Page images need poppler&apos;s pdftoppm, which is not installed; this is the text of each page.</source>
        <translation>Obrazy stron wymagają programu pdftoppm (poppler), który nie jest zainstalowany; poniżej tekst każdej strony.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="135"/>
        <source>The preview could not be drawn: %1</source>
        <translation>Nie udało się przygotować podglądu: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="122"/>
        <source>This computer cannot draw the pages here (poppler&apos;s pdftoppm is not installed). Open the preview in your PDF viewer to see them.</source>
        <translation>Na tym komputerze nie można tu narysować stron (brak programu pdftoppm z pakietu poppler). Otwórz podgląd w przeglądarce PDF, aby je zobaczyć.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/preview_pane.py" line="1"/>
        <source>This copy holds %1 of the visit&apos;s %2 notes; the others stay out of it.</source>
        <translation>Ta kopia zawiera notatki: %1 z %2 notatek wizyty; pozostałe do niej nie trafiają.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="18"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="20"/>
        <source>Notes are signed with this name. Until you set it, your system user name is used.</source>
        <translation>Notatki są podpisywane tym imieniem i nazwiskiem. Dopóki go nie ustawisz, używana jest nazwa użytkownika systemu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="24"/>
        <source>Your name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="26"/>
        <source>Your &amp;name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="28"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="29"/>
        <source>&amp;Institution:</source>
        <translation>I&amp;nstytucja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="31"/>
        <source>Role</source>
        <translation>Funkcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="32"/>
        <source>&amp;Role:</source>
        <translation>&amp;Funkcja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="34"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="35"/>
        <source>System default</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="39"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="42"/>
        <location filename="../../visitapp/ui/settings_dialog.py" line="56"/>
        <source>Data file</source>
        <translation>Plik danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="47"/>
        <source>&amp;Data file:</source>
        <translation>Plik &amp;danych:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="48"/>
        <source>A new data file is used from the next start.</source>
        <translation>Nowy plik danych zostanie użyty od następnego uruchomienia.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="57"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>Bazy visitapp (*.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source> days from today</source>
        <translation> dni od dziś</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source>Default due date of an action item</source>
        <translation>Domyślny termin zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py" line="1"/>
        <source>Action items &amp;due:</source>
        <translation>&amp;Termin zadań:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/settings_dialog.py"/>
        <source>Create &amp;my certificate…</source>
        <translation>Utwórz &amp;mój certyfikat…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="11"/>
        <source>Add the typed note to the current section</source>
        <translation>Dodaj wpisaną notatkę do bieżącej sekcji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="12"/>
        <source>Kind: note, quote, decision, commitment, question, risk (of the selected note when the notes have focus)</source>
        <translation>Rodzaj: notatka, cytat, decyzja, zobowiązanie, pytanie, ryzyko (zaznaczonej notatki, gdy aktywna jest lista notatek)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="13"/>
        <source>Previous / next section</source>
        <translation>Poprzednia / następna sekcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="14"/>
        <source>Go to section 1 … 9</source>
        <translation>Przejdź do sekcji 1 … 9</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="15"/>
        <source>Go to the notes (Esc returns to the capture box)</source>
        <translation>Przejdź do notatek (Esc wraca do pola notatki)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="16"/>
        <source>Edit the selected note in place</source>
        <translation>Edytuj zaznaczoną notatkę w miejscu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="17"/>
        <source>Move the selected note up / down</source>
        <translation>Przesuń zaznaczoną notatkę w górę / w dół</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="18"/>
        <source>Move the selected note to the previous / next section</source>
        <translation>Przenieś zaznaczoną notatkę do poprzedniej / następnej sekcji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="19"/>
        <source>Move the selected note to a section…</source>
        <translation>Przenieś zaznaczoną notatkę do sekcji…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="20"/>
        <source>Delete the selected note or action item</source>
        <translation>Usuń zaznaczoną notatkę lub zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="21"/>
        <source>Make the selected note an action item</source>
        <translation>Zrób z zaznaczonej notatki zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="22"/>
        <source>Undo / redo (in the notes; in a text box, its own text)</source>
        <translation>Cofnij / ponów (w notatkach; w polu tekstowym – jego tekst)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="23"/>
        <source>Search all visits</source>
        <translation>Szukaj we wszystkich wizytach</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="24"/>
        <source>Prepare a new visit</source>
        <translation>Przygotuj nową wizytę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="25"/>
        <source>Details of the open visit</source>
        <translation>Szczegóły otwartej wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="26"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="27"/>
        <source>This list</source>
        <translation>Ta lista</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="1"/>
        <source>Visibility: internal / partner institutions / company copy (of the selected note when the notes have focus, else of the next note)</source>
        <translation>Widoczność: wewnętrzna / dla instytucji partnerskich / do kopii dla firmy (zaznaczonej notatki, gdy aktywna jest lista notatek, w przeciwnym razie następnej notatki)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="1"/>
        <source>Finalise and sign the open visit</source>
        <translation>Zatwierdź i podpisz otwartą wizytę</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="34"/>
        <location filename="../../visitapp/ui/shortcuts.py" line="37"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="38"/>
        <source>Keys</source>
        <translation>Klawisze</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/shortcuts.py" line="38"/>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="87"/>
        <source>Finalise and sign: %1</source>
        <translation>Zatwierdź i podpisz: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="104"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="107"/>
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="115"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="117"/>
        <source>&amp;Open PDF</source>
        <translation>&amp;Otwórz PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="119"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="155"/>
        <source>Minutes</source>
        <translation>Protokół</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="160"/>
        <source>Visit:</source>
        <translation>Wizyta:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="163"/>
        <source>Finalising freezes the visit as it is now. Changes after that make a new version; without changes the same version is exported again.</source>
        <translation>Zatwierdzenie zamraża wizytę w obecnym stanie. Późniejsze zmiany tworzą nową wersję; bez zmian eksportowana jest ponownie ta sama wersja.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="166"/>
        <source>Version:</source>
        <translation>Wersja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="168"/>
        <source>Language of the minutes</source>
        <translation>Język protokołu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="172"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="174"/>
        <source>Copy</source>
        <translation>Kopia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="188"/>
        <source>PDF file to write</source>
        <translation>Plik PDF do zapisania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="189"/>
        <source>&amp;Browse…</source>
        <translation>P&amp;rzeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="195"/>
        <source>&amp;Save as:</source>
        <translation>Zapi&amp;sz jako:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="118"/>
        <source>Show fol&amp;der</source>
        <translation>Pokaż &amp;folder</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="177"/>
        <source>Cop&amp;y:</source>
        <translation>Kop&amp;ia:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="182"/>
        <source>Encrypted for the coordinator (.p7m)</source>
        <translation>Zaszyfrowany dla koordynatora (.p7m)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="183"/>
        <source>Encrypt the signed minutes for the coordinator of the plan</source>
        <translation>Zaszyfruj podpisany protokół dla koordynatora planu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="199"/>
        <source>not finalised yet</source>
        <translation>jeszcze nie zatwierdzona</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="200"/>
        <source>%1 finalised; a change since makes a new one</source>
        <translation>zatwierdzona wersja %1; późniejsza zmiana utworzy nową</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="227"/>
        <source>&amp;Finalise and sign</source>
        <translation>&amp;Zatwierdź i podpisz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="227"/>
        <source>&amp;Finalise and export</source>
        <translation>&amp;Zatwierdź i eksportuj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="239"/>
        <source>Save the minutes as</source>
        <translation>Zapisz protokół jako</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="240"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="253"/>
        <source>Choose where to save the PDF.</source>
        <translation>Wybierz, gdzie zapisać plik PDF.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="264"/>
        <source>Encrypted minutes must be signed: choose a certificate, or untick the encryption.</source>
        <translation>Zaszyfrowany protokół musi być podpisany: wybierz certyfikat albo odznacz szyfrowanie.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="269"/>
        <source>%1 already exists. Replace it?</source>
        <translation>Plik %1 już istnieje. Zastąpić go?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="287"/>
        <source>Cancelling after the current step…</source>
        <translation>Anulowanie po bieżącym kroku…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="293"/>
        <source>Opening the certificate…</source>
        <translation>Otwieranie certyfikatu…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="294"/>
        <source>Opening the token…</source>
        <translation>Otwieranie tokenu…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="295"/>
        <source>Finalising the visit…</source>
        <translation>Zatwierdzanie wizyty…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="296"/>
        <source>Drawing the minutes…</source>
        <translation>Składanie protokołu…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="297"/>
        <source>Signing…</source>
        <translation>Podpisywanie…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="298"/>
        <source>Writing the file…</source>
        <translation>Zapisywanie pliku…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="320"/>
        <source>Starting…</source>
        <translation>Rozpoczynanie…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="329"/>
        <source>new version</source>
        <translation>nowa wersja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="329"/>
        <source>unchanged since that version</source>
        <translation>bez zmian od tej wersji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="330"/>
        <source>Finalised version %1 (%2).</source>
        <translation>Zatwierdzono wersję %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="332"/>
        <source>Wrote %1, signed by %2.</source>
        <translation>Zapisano %1, podpisany przez: %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="335"/>
        <source>No free signature box was left: the signature is invisible.</source>
        <translation>Nie zostało wolne pole podpisu: podpis jest niewidoczny.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="337"/>
        <source>Wrote %1, not signed.</source>
        <translation>Zapisano %1, bez podpisu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="339"/>
        <source>Encrypted for the coordinator: only their key opens it.</source>
        <translation>Zaszyfrowano dla koordynatora: otworzy go tylko jego klucz.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="354"/>
        <source>Cancelled: no PDF was written.</source>
        <translation>Anulowano: nie zapisano pliku PDF.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="356"/>
        <source>The visit stays finalised as version %1.</source>
        <translation>Wizyta pozostaje zatwierdzona jako wersja %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/signing/dialog.py" line="364"/>
        <source>Something went wrong and no PDF was written: %1</source>
        <translation>Coś poszło nie tak i nie zapisano pliku PDF: %1</translation>
    </message>
</context>
<context>
    <name>VisitListPanel</name>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="71"/>
        <source>Search all visits (Ctrl+F)</source>
        <translation>Szukaj we wszystkich wizytach (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="74"/>
        <source>E&amp;xact forms</source>
        <translation>&amp;Dokładne formy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="75"/>
        <source>Find words only in the form typed; otherwise a word finds all its forms</source>
        <translation>Szukaj słów tylko w formie, w jakiej je wpisano; inaczej słowo znajduje wszystkie swoje formy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="72"/>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="81"/>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="82"/>
        <source>All statuses</source>
        <translation>Wszystkie stany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="86"/>
        <source>Series</source>
        <translation>Cykl</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="88"/>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="88"/>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="91"/>
        <source>any date</source>
        <translation>dowolna data</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="95"/>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="95"/>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="109"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="110"/>
        <source>Visits</source>
        <translation>Wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="113"/>
        <source>Search results</source>
        <translation>Wyniki wyszukiwania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/visit_list.py" line="149"/>
        <source>All series</source>
        <translation>Wszystkie cykle</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/visit_list.py" line="172"/>
        <location filename="../../visitapp/ui/visit_list.py" line="208"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n wizyta</numerusform>
            <numerusform>%n wizyty</numerusform>
            <numerusform>%n wizyt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/visit_list.py" line="189"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n wynik</numerusform>
            <numerusform>%n wyniki</numerusform>
            <numerusform>%n wyników</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypted database</source>
        <translation>Zaszyfrowana baza danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The database %1 is encrypted. Enter its passphrase.</source>
        <translation>Baza danych %1 jest zaszyfrowana. Wpisz jej hasło.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>That passphrase does not open it; try again.</source>
        <translation>To hasło jej nie otwiera; spróbuj ponownie.</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Protect your notes</source>
        <translation>Chroń swoje notatki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Your notes hold business plans and personal data. Encrypt the database %1 so that nobody who gets this laptop or a copy of the file can read it?</source>
        <translation>Twoje notatki zawierają plany firm i dane osobowe. Zaszyfrować bazę danych %1, aby nikt, kto dostanie ten laptop lub kopię pliku, nie mógł jej odczytać?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Keep a random key in this computer's keyring (recommended)</source>
        <translation>Przechowuj losowy klucz w pęku kluczy tego komputera (zalecane)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Use a passphrase that I type at every start</source>
        <translation>Użyj hasła, które wpiszę przy każdym uruchomieniu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Passphrase:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Repeat:</source>
        <translation>Powtórz:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Encrypt</source>
        <translation>&amp;Zaszyfruj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Not now</source>
        <translation>&amp;Nie teraz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Type a passphrase, or choose the keyring.</source>
        <translation>Wpisz hasło albo wybierz pęk kluczy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The two passphrases differ.</source>
        <translation>Te dwa hasła się różnią.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Not encrypted</source>
        <translation>Nie zaszyfrowano</translation>
    </message>
</context>
<context>
    <name>TagsDelegate</name>
    <message>
        <location filename="../../visitapp/ui/capture/tags_delegate.py" line="1"/>
        <source>Edit tags</source>
        <translation>Edytuj tagi</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.rrrr</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Type a date as 31.01.2027 or 2027-01-31; Alt+Down opens the calendar.</source>
        <translation>Wpisz datę jako 31.01.2027 lub 2027-01-31; Alt+Strzałka w dół otwiera kalendarz.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Open the calendar</source>
        <translation>Otwórz kalendarz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>Open the calendar (Alt+Down)</source>
        <translation>Otwórz kalendarz (Alt+Strzałka w dół)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>“%1” is not a date: type it as 31.01.2027 or 2027-01-31.</source>
        <translation>„%1” nie jest datą: wpisz ją jako 31.01.2027 lub 2027-01-31.</translation>
    </message>
</context>
<context>
    <name>DateTimeEdit</name>
    <message>
        <location filename="../../visitapp/ui/date_edit.py" line="1"/>
        <source>%1, time</source>
        <translation>%1, godzina</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <!-- Qt's own file dialog: strings Qt 6 changed that qtbase_pl.qm does not translate yet (issue 11) -->
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Szukaj w:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Pliki &amp;rodzaju:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Katalog:</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1 (authority not trusted)</source>
        <translation>%1 (urząd znacznika czasu niezaufany)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1, qualified (its authority is a qualified timestamp service of the trusted list)</source>
        <translation>%1, kwalifikowany (jego urząd jest kwalifikowaną usługą znakowania czasem z listy zaufanych usług)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>%1 (not qualified)</source>
        <translation>%1 (niekwalifikowany)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>&amp;Check</source>
        <translation>&amp;Sprawdź</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>&amp;File:</source>
        <translation>&amp;Plik:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>A signer&apos;s own certificate, or a certificate authority&apos;s, for this check only</source>
        <translation>Certyfikat osoby podpisującej albo urzędu certyfikacji, tylko na potrzeby tego sprawdzenia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>All signatures are intact and trusted, and the record is valid.</source>
        <translation>Wszystkie podpisy są nienaruszone i zaufane, a zapis wizyty jest poprawny.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Also &amp;trust a certificate…</source>
        <translation>&amp;Ufaj też certyfikatowi…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Also trust a certificate</source>
        <translation>Ufaj też certyfikatowi</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Odcisk certyfikatu (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certyfikaty (*.pem *.crt *.cer *.der);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Check signed minutes</source>
        <translation>Sprawdź podpisany protokół</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Checking %1…</source>
        <translation>Sprawdzanie %1…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Choose the signed minutes to check.</source>
        <translation>Wybierz podpisany protokół do sprawdzenia.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Covers the whole file</source>
        <translation>Obejmuje cały plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Intact</source>
        <translation>Nienaruszony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Level</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Qualification</source>
        <translation>Kwalifikacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Record</source>
        <translation>Zapis wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Revocation</source>
        <translation>Unieważnienie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signatures and record</source>
        <translation>Podpisy i zapis wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed at</source>
        <translation>Czas podpisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed minutes (*.pdf);;All files (*)</source>
        <translation>Podpisane protokoły (*.pdf);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signed minutes file</source>
        <translation>Plik podpisanego protokołu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signer identity</source>
        <translation>Tożsamość podpisującego</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Signer</source>
        <translation>Podpisał(a)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>The file could not be checked (%1).</source>
        <translation>Nie udało się sprawdzić pliku (%1).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>The minutes are not valid.</source>
        <translation>Protokół nie jest ważny.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Timestamp</source>
        <translation>Znacznik czasu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted</source>
        <translation>Zaufany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>a signed PDF</source>
        <translation>podpisany plik PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>broken</source>
        <translation>naruszony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>none (the signing time is the signer&apos;s claim)</source>
        <translation>brak (czas podpisu podaje sam podpisujący)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>not trusted</source>
        <translation>niezaufany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>not valid</source>
        <translation>nieważny</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>valid</source>
        <translation>ważny</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes, pinned by its fingerprint</source>
        <translation>tak, przypięty odciskiem certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>yes, under %1</source>
        <translation>tak, w ramach %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted: the signers and certificate authorities of this database.</source>
        <translation>Zaufani: podpisujący i urzędy certyfikacji z tej bazy danych.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/check_dialog.py" line="1"/>
        <source>Trusted: the signers and certificate authorities of this database, and %1.</source>
        <translation>Zaufani: podpisujący i urzędy certyfikacji z tej bazy danych oraz %1.</translation>
    </message>
</context>
<context>
    <name>CertificateForm</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Password of the new certificate</source>
        <translation>Hasło nowego certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The password again</source>
        <translation>Hasło jeszcze raz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Again:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Key file</source>
        <translation>Plik klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Key file:</source>
        <translation>Plik &amp;klucza:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>At least %1 characters.</source>
        <translation>Co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Weak: make it longer, mix letters, digits and other characters.</source>
        <translation>Słabe: wydłuż je, użyj liter, cyfr i innych znaków.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Fair: a few more characters would make it strong.</source>
        <translation>Średnie: kilka znaków więcej uczyni je silnym.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Strong.</source>
        <translation>Silne.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your certificate for the coordinator goes beside it: %1</source>
        <translation>Certyfikat dla koordynatora zostanie zapisany obok: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Certificate files (*.p12);;All files (*)</source>
        <translation>Pliki certyfikatów (*.p12);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Type your name first: the certificate names you.</source>
        <translation>Najpierw wpisz imię i nazwisko: certyfikat je zawiera.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The password must have at least %1 characters.</source>
        <translation>Hasło musi mieć co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>Hasła się różnią; wpisz dwa razy to samo hasło.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Choose where the key file goes.</source>
        <translation>Wybierz, gdzie zapisać plik klucza.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Creating your key…</source>
        <translation>Tworzenie klucza…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is ready.</source>
        <translation>Klucz jest gotowy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The key could not be written: %1.</source>
        <translation>Nie udało się zapisać klucza: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>The key could not be made: %1.</source>
        <translation>Nie udało się utworzyć klucza: %1.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</source>
        <translation>Twój klucz jest w %1 (zachowaj go i jego hasło dla siebie). Przekaż %2 koordynatorowi, aby Twoje podpisy były zaufane. Ważny do %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Ready</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Show the certificate&apos;s &amp;folder</source>
        <translation>Pokaż &amp;folder certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Notes by: %1</source>
        <translation>Autor notatek: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You sign with token %1, key %2.</source>
        <translation>Podpisujesz tokenem %1, kluczem %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You can create a certificate or choose a card later in Settings.</source>
        <translation>Certyfikat możesz utworzyć lub kartę wybrać później w Ustawieniach.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The example data opens now; your own data file from the next start.</source>
        <translation>Teraz otworzą się przykładowe dane; Twój plik danych — od następnego uruchomienia.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>You can change all of this later in Settings.</source>
        <translation>Wszystko to możesz później zmienić w Ustawieniach.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The PIN was right and the key signed as %1.</source>
        <translation>PIN jest poprawny, a klucz złożył próbny podpis jako %1.</translation>
    </message>
</context>
<context>
    <name>NewCertificateDialog</name>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, so that your signatures are trusted. Valid until %3.</source>
        <translation>Twój klucz jest w %1 (zachowaj go i jego hasło dla siebie). Przekaż %2 koordynatorowi, aby Twoje podpisy były zaufane. Ważny do %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Create my certificate</source>
        <translation>Utwórz mój certyfikat</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>A personal certificate signs your minutes. It names %1 (%2).</source>
        <translation>Osobisty certyfikat podpisuje Twoje protokoły. Wskazuje osobę: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Create</source>
        <translation>&amp;Utwórz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>Show &amp;folder</source>
        <translation>Pokaż &amp;folder</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/new_certificate.py"/>
        <source>&amp;Close</source>
        <translation>&amp;Zamknij</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Welcome to visitapp</source>
        <translation>Witamy w visitapp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>A few questions before your first visit. Every answer can be changed later in Settings.</source>
        <translation>Kilka pytań przed pierwszą wizytą. Każdą odpowiedź można później zmienić w Ustawieniach.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Who you are</source>
        <translation>Kim jesteś</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your notes carry your name, and your signature stamp says it with your institution and role.</source>
        <translation>Twoje notatki są opatrzone Twoim imieniem i nazwiskiem, a pieczęć podpisu podaje je wraz z instytucją i funkcją.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>e.g. Anna Nowak</source>
        <translation>np. Anna Nowak</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your &amp;name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Institution:</source>
        <translation>I&amp;nstytucja:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Role</source>
        <translation>Funkcja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Role:</source>
        <translation>&amp;Funkcja:</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your data file</source>
        <translation>Twój plik danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your visits and notes are kept in one file on this computer.</source>
        <translation>Wizyty i notatki są przechowywane w jednym pliku na tym komputerze.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Data file</source>
        <translation>Plik danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Data file:</source>
        <translation>Plik &amp;danych:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Try visitapp with example data first</source>
        <translation>&amp;Wypróbuj najpierw visitapp na przykładowych danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>The example data is a separate file: your own data file stays empty and is opened from the next start (or choose it in Settings).</source>
        <translation>Przykładowe dane są w osobnym pliku: Twój plik danych pozostaje pusty i zostanie otwarty przy następnym uruchomieniu (albo wybierz go w Ustawieniach).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>visitapp databases (*.db);;All files (*)</source>
        <translation>Bazy visitapp (*.db);;Wszystkie pliki (*)</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>How you sign minutes</source>
        <translation>Jak podpisujesz protokoły</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Signed minutes show the coordinator that they come from you, unchanged.</source>
        <translation>Podpisany protokół pokazuje koordynatorowi, że pochodzi od Ciebie i nie został zmieniony.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Create a personal certificate now</source>
        <translation>&amp;Utwórz teraz osobisty certyfikat</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Use a &amp;smart card or token (PKCS#11)</source>
        <translation>Użyj &amp;karty kryptograficznej lub tokenu (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Later</source>
        <translation>&amp;Później</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your personal certificate</source>
        <translation>Twój osobisty certyfikat</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose a password for your key. It is asked each time you sign and is never stored; nobody can recover it.</source>
        <translation>Wybierz hasło do klucza. Jest pytane przy każdym podpisie i nigdy nie jest zapisywane; nikt go nie odzyska.</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Your smart card or token</source>
        <translation>Twoja karta lub token</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Insert the card, choose its module, then its token and key. The PIN is checked now, asked again at each signature, and never stored.</source>
        <translation>Włóż kartę, wybierz jej moduł, a potem token i klucz. PIN jest sprawdzany teraz, pytany ponownie przy każdym podpisie i nigdy nie jest zapisywany.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>PKCS#11 module</source>
        <translation>Moduł PKCS#11</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Find tokens</source>
        <translation>&amp;Znajdź tokeny</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Module:</source>
        <translation>&amp;Moduł:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Token label</source>
        <translation>Etykieta tokenu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Key label</source>
        <translation>Etykieta klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>&amp;Key:</source>
        <translation>&amp;Klucz:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Libraries (*.so *.dll *.dylib);;All files (*)</source>
        <translation>Biblioteki (*.so *.dll *.dylib);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose the PKCS#11 module of your card or token.</source>
        <translation>Wybierz moduł PKCS#11 karty lub tokenu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Looking for tokens…</source>
        <translation>Szukanie tokenów…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>No token found; is the card inserted?</source>
        <translation>Nie znaleziono tokenu; czy karta jest włożona?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Found %n token(s).</source>
        <translation>
            <numerusform>Znaleziono %n token.</numerusform>
            <numerusform>Znaleziono %n tokeny.</numerusform>
            <numerusform>Znaleziono %n tokenów.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose your token.</source>
        <translation>Wybierz token.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>Choose your key on the token.</source>
        <translation>Wybierz klucz na tokenie.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>checked now, never stored</source>
        <translation>sprawdzany teraz, nigdy nie zapisywany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>Type the PIN of your card: it is checked now and never stored.</source>
        <translation>Wpisz PIN karty: zostanie teraz sprawdzony i nigdy nie jest zapisywany.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>Checking the PIN…</source>
        <translation>Sprawdzanie PIN-u…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>The PIN of token %1 is locked after too many wrong tries; unlock it with its PUK in the card&apos;s own program, or ask whoever issued the card.</source>
        <translation>PIN tokenu %1 jest zablokowany po zbyt wielu błędnych próbach; odblokuj go kodem PUK w programie karty albo zwróć się do wystawcy karty.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/token_page.py"/>
        <source>The token could not be used: %1.</source>
        <translation>Nie można użyć tokenu: %1.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../visitapp/ui/first_run.py"/>
        <source>visitapp: first start</source>
        <translation>visitapp: pierwsze uruchomienie</translation>
    </message>
</context>
<context>
    <name>ConversionJob</name>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypting the database</source>
        <translation>Szyfrowanie bazy danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Encrypting the database; your notes stay as they are until it is done.</source>
        <translation>Trwa szyfrowanie bazy danych; notatki pozostają bez zmian, dopóki się nie zakończy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Cancelling; the database stays as it was…</source>
        <translation>Przerywanie; baza danych pozostaje bez zmian…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>The database could not be encrypted (%1); it was not changed.</source>
        <translation>Nie udało się zaszyfrować bazy danych (%1); nie została zmieniona.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/protect_dialog.py" line="1"/>
        <source>Not encrypted</source>
        <translation>Nie zaszyfrowano</translation>
    </message>
</context>
<context>
    <name>CosignDialog</name>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-sign minutes</source>
        <translation>Współpodpisz protokół</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed minutes to co-sign</source>
        <translation>Podpisany protokół do współpodpisania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Open signed minutes…</source>
        <translation>&amp;Otwórz podpisany protokół…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Open the signed minutes you were asked to co-sign.</source>
        <translation>Otwórz podpisany protokół, który masz współpodpisać.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-signing the minutes of the visit</source>
        <translation>Współpodpisanie protokołu z wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Co-signed copy</source>
        <translation>Współpodpisana kopia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Zapisz jako:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>&amp;Co-sign</source>
        <translation>&amp;Współpodpisz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed minutes</source>
        <translation>Podpisany protokół</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Pliki PDF (*.pdf);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Checking the signatures…</source>
        <translation>Sprawdzanie podpisów…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signed by %1 (%2) on %3; intact.</source>
        <translation>Podpisał(a) %1 (%2), %3; nienaruszony.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Minutes of %1, version %2.</source>
        <translation>Protokół: %1, wersja %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>The pages&apos; text (install poppler-utils to see them).</source>
        <translation>Tekst stron (zainstaluj poppler-utils, aby je zobaczyć).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>-co-signed</source>
        <translation>-wspolpodpisany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>This file cannot be co-signed.</source>
        <translation>Tego pliku nie można współpodpisać.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Choose where the co-signed copy goes.</source>
        <translation>Wybierz, gdzie zapisać współpodpisaną kopię.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Signing…</source>
        <translation>Podpisywanie…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>Wrote %1, co-signed by %2.</source>
        <translation>Zapisano %1, współpodpisany przez: %2.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/cosign_dialog.py"/>
        <source>The minutes could not be co-signed: %1.</source>
        <translation>Nie udało się współpodpisać protokołu: %1.</translation>
    </message>
</context>
<context>
    <name>ProvenanceTab</name>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed files merged into this visit</source>
        <translation>Podpisane pliki scalone w tę wizytę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed by</source>
        <translation>Podpisali</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Signed on</source>
        <translation>Data podpisu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Provenance</source>
        <translation>Pochodzenie</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Merged from %n signed file(s).</source>
        <translation>
            <numerusform>Scalono z %n podpisanego pliku.</numerusform>
            <numerusform>Scalono z %n podpisanych plików.</numerusform>
            <numerusform>Scalono z %n podpisanych plików.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Current: %1.</source>
        <translation>Aktualne: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>version %1</source>
        <translation>wersja %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>not finalised</source>
        <translation>niezatwierdzona</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>(superseded)</source>
        <translation>(zastąpiona)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/provenance.py"/>
        <source>Action item</source>
        <translation>Zadanie</translation>
    </message>
</context>
<context>
    <name>PassphraseHint</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>At least %1 characters.</source>
        <translation>Co najmniej %1 znaków.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Weak: make it longer, mix letters, digits and other characters.</source>
        <translation>Słabe: wydłuż je, użyj liter, cyfr i innych znaków.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Fair: a few more characters would make it strong.</source>
        <translation>Średnie: kilka znaków więcej uczyni je silnym.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Strong.</source>
        <translation>Silne.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Change database password</source>
        <translation>Zmiana hasła bazy danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Choose the new key of the encrypted database %1. Until the change is done and checked, the key it has now keeps opening it.</source>
        <translation>Wybierz nowy klucz zaszyfrowanej bazy danych %1. Dopóki zmiana nie zostanie wykonana i sprawdzona, bazę otwiera jej obecny klucz.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Keep a new random key in this computer's keyring (recommended)</source>
        <translation>Przechowuj nowy losowy klucz w pęku kluczy tego komputera (zalecane)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Use a new passphrase that I type at every start</source>
        <translation>Użyj nowego hasła, które wpiszę przy każdym uruchomieniu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>New passphrase</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The new passphrase again</source>
        <translation>Nowe hasło jeszcze raz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>New &amp;passphrase:</source>
        <translation>Nowe &amp;hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Change key</source>
        <translation>&amp;Zmień klucz</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Type the new passphrase, or choose the keyring.</source>
        <translation>Wpisz nowe hasło albo wybierz pęk kluczy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The two passphrases differ.</source>
        <translation>Te dwa hasła się różnią.</translation>
    </message>
</context>
<context>
    <name>RemoveProtectionDialog</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Its key is kept in this computer's keyring: remove the protection</source>
        <translation>Klucz jest przechowywany w pęku kluczy tego komputera: usuń ochronę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Remove protection</source>
        <translation>Usuwanie ochrony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>After this, the database %1 is a plain file: anyone with access to this laptop, or to a copy of the file or of its backups, can read every note, business plan and person's data in it. Remove its encryption?</source>
        <translation>Po tej zmianie baza danych %1 będzie zwykłym plikiem: każdy, kto ma dostęp do tego laptopa albo do kopii pliku lub jego kopii zapasowych, przeczyta w nim każdą notatkę, plany firm i dane osób. Usunąć szyfrowanie?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Remove protection</source>
        <translation>&amp;Usuń ochronę</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Changing the database key</source>
        <translation>Zmiana klucza bazy danych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Encrypting the database with its new key; your notes stay as they are until it is done.</source>
        <translation>Trwa szyfrowanie bazy danych nowym kluczem; notatki pozostają bez zmian, dopóki się nie zakończy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Key not changed</source>
        <translation>Klucz nie został zmieniony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The database key could not be changed (%1); the database was not changed.</source>
        <translation>Nie udało się zmienić klucza bazy danych (%1); baza danych nie została zmieniona.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Removing the protection</source>
        <translation>Usuwanie ochrony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Writing the database without encryption; your notes stay as they are until it is done.</source>
        <translation>Trwa zapisywanie bazy danych bez szyfrowania; notatki pozostają bez zmian, dopóki się nie zakończy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Protection not removed</source>
        <translation>Ochrona nie została usunięta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>The protection could not be removed (%1); the database was not changed.</source>
        <translation>Nie udało się usunąć ochrony (%1); baza danych nie została zmieniona.</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>&amp;Encrypt this database…</source>
        <translation>Za&amp;szyfruj tę bazę danych…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Change database &amp;password…</source>
        <translation>Zmień &amp;hasło bazy danych…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/rekey_dialog.py" line="1"/>
        <source>Re&amp;move protection…</source>
        <translation>Usuń o&amp;chronę…</translation>
    </message>
</context>
<context>
    <name>SearchProgress</name>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="136"/>
        <source>Preparing search</source>
        <translation>Przygotowanie wyszukiwania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="139"/>
        <source>Search is being prepared to find every form of a word. Until it is done, older texts are found only by the word forms typed.</source>
        <translation>Trwa przygotowanie wyszukiwania, które znajduje każdą formę słowa. Do jego końca starsze teksty są znajdowane tylko po wpisanej formie słowa.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="150"/>
        <source>Preparing search: %1 of %2 texts; until then words are found only as typed</source>
        <translation>Przygotowanie wyszukiwania: %1 z %2 tekstów; do końca słowa są wyszukiwane tylko we wpisanej formie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="161"/>
        <source>Search is ready: a word finds all its forms.</source>
        <translation>Wyszukiwanie gotowe: słowo znajduje wszystkie swoje formy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/analyse_progress.py" line="164"/>
        <source>Search is not fully prepared; the rest is done at the next start.</source>
        <translation>Wyszukiwanie nie jest jeszcze w pełni przygotowane; resztę dokończy następne uruchomienie.</translation>
    </message>
</context>
<context>
    <name>PresentKey</name>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Present passphrase</source>
        <translation>Obecne hasło</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Its present key is kept in this computer's keyring: replace it</source>
        <translation>Obecny klucz jest przechowywany w pęku kluczy tego komputera: zastąp go</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Presen&amp;t passphrase:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Tick the box to confirm that the key in the keyring is replaced.</source>
        <translation>Zaznacz pole, aby potwierdzić zastąpienie klucza z pęku kluczy.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>The keyring no longer holds this database's key; nothing was changed.</source>
        <translation>Pęk kluczy nie przechowuje już klucza tej bazy danych; niczego nie zmieniono.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>Type the present passphrase of the database.</source>
        <translation>Wpisz obecne hasło bazy danych.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/key_choice.py" line="1"/>
        <source>The present passphrase is not right; nothing was changed.</source>
        <translation>Obecne hasło jest niepoprawne; niczego nie zmieniono.</translation>
    </message>
</context>
</TS>
