<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ActionsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="77"/>
        <source>institution or person</source>
        <translation>instytucja lub osoba</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="79"/>
        <source>Filter by owner</source>
        <translation>Filtruj według odpowiedzialnego</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="80"/>
        <source>&amp;Owner contains:</source>
        <translation>&amp;Osoba odpowiedzialna zawiera:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="83"/>
        <source>Filter by status</source>
        <translation>Filtruj według stanu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="84"/>
        <source>Any status</source>
        <translation>Każdy stan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="88"/>
        <source>&amp;Status:</source>
        <translation>&amp;Stan:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="90"/>
        <source>Overdue on&amp;ly</source>
        <translation>Tylko &amp;zaległe</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="91"/>
        <source>Show only overdue action items</source>
        <translation>Pokaż tylko zaległe zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="93"/>
        <source>Number of action items shown</source>
        <translation>Liczba pokazanych zadań</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="96"/>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="98"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="100"/>
        <source>Owner</source>
        <translation>Osoba odpowiedzialna</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="101"/>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="189"/>
        <source>Action item</source>
        <translation>Zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="102"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="103"/>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="105"/>
        <source>Action items</source>
        <translation>Zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="112"/>
        <source>Status of the action item</source>
        <translation>Stan zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="115"/>
        <source>no due date</source>
        <translation>bez terminu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="115"/>
        <source>Due date of the action item</source>
        <translation>Termin zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="118"/>
        <source>Mark &amp;done</source>
        <translation>Oznacz jako &amp;wykonane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="119"/>
        <source>Mark the selected action item done</source>
        <translation>Oznacz wybrane zadanie jako wykonane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="120"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Otwórz ponownie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="121"/>
        <source>Open the selected action item again</source>
        <translation>Otwórz ponownie wybrane zadanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="122"/>
        <source>F2 or a double click changes the status, owner or due date in place.</source>
        <translation>F2 lub dwukrotne kliknięcie zmienia stan, odpowiedzialnego lub termin na miejscu.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>open</source>
        <translation>otwarte</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>done</source>
        <translation>wykonane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>cancelled</source>
        <translation>anulowane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="160"/>
        <source>%1 (overdue)</source>
        <translation>%1 (po terminie)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="176"/>
        <source>%n action item(s)</source>
        <translation>
            <numerusform>%n zadanie</numerusform>
            <numerusform>%n zadania</numerusform>
            <numerusform>%n zadań</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="178"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n po terminie</numerusform>
            <numerusform>%n po terminie</numerusform>
            <numerusform>%n po terminie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoordinatorView</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="32"/>
        <source>Coordinator</source>
        <translation>Koordynacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="42"/>
        <source>Coordinator&apos;s tasks</source>
        <translation>Zadania koordynatora</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="50"/>
        <source>Merge signed minutes</source>
        <translation>Scalanie podpisanych protokołów</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="45"/>
        <location filename="../../visitapp/ui/coordinator/view.py" line="50"/>
        <source>Trusted signers</source>
        <translation>Zaufani podpisujący</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="44"/>
        <source>Merge</source>
        <translation>Scalanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="46"/>
        <source>Action items</source>
        <translation>Zadania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="49"/>
        <source>People</source>
        <translation>Osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="51"/>
        <source>Follow up action items</source>
        <translation>Realizacja zadań</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="51"/>
        <source>Disagreements to settle</source>
        <translation>Rozbieżności do rozstrzygnięcia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="52"/>
        <source>People and their personal data</source>
        <translation>Osoby i ich dane osobowe</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="69"/>
        <source>Disagreements (%1)</source>
        <translation>Rozbieżności (%1)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="70"/>
        <source>Disagreements</source>
        <translation>Rozbieżności</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="48"/>
        <location filename="../../visitapp/ui/coordinator/view.py" line="52"/>
        <source>Reports and plans</source>
        <translation>Raporty i plany</translation>
    </message>
</context>
<context>
    <name>DisagreementsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="25"/>
        <source>Two officials&apos; minutes of the same visit say different things. Nothing was overwritten: both values are kept until you choose one.</source>
        <translation>Protokoły tej samej wizyty od dwóch urzędników podają różne dane. Niczego nie nadpisano: obie wartości są zachowane, dopóki nie wybierzesz jednej.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="28"/>
        <source>Show &amp;settled ones too</source>
        <translation>Pokaż też &amp;rozstrzygnięte</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="29"/>
        <source>Also list disagreements already settled</source>
        <translation>Pokaż także rozbieżności już rozstrzygnięte</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="31"/>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="32"/>
        <source>Fact</source>
        <translation>Dana</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="33"/>
        <source>In the registry</source>
        <translation>W rejestrze</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="35"/>
        <source>Other official&apos;s value</source>
        <translation>Wartość drugiego urzędnika</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="38"/>
        <source>Other official</source>
        <translation>Drugi urzędnik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>settled</source>
        <translation>rozstrzygnięta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>to settle</source>
        <translation>do rozstrzygnięcia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="42"/>
        <source>Disagreements between officials&apos; minutes</source>
        <translation>Rozbieżności między protokołami urzędników</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="45"/>
        <source>Keep the &amp;registry&apos;s value</source>
        <translation>&amp;Zostaw wartość z rejestru</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="46"/>
        <source>Settle the selected disagreement with the registry&apos;s value</source>
        <translation>Rozstrzygnij wybraną rozbieżność wartością z rejestru</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="47"/>
        <source>&amp;Take the other value</source>
        <translation>&amp;Przyjmij drugą wartość</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="48"/>
        <source>Settle the selected disagreement with the other official&apos;s value</source>
        <translation>Rozstrzygnij wybraną rozbieżność wartością drugiego urzędnika</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="49"/>
        <source>No disagreements to settle.</source>
        <translation>Brak rozbieżności do rozstrzygnięcia.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="76"/>
        <source>Answer: %1</source>
        <translation>Odpowiedź: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="77"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="77"/>
        <source>Date and time</source>
        <translation>Data i godzina</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="78"/>
        <source>Place</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="85"/>
        <source>%1 (NIP %2)</source>
        <translation>%1 (NIP %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="116"/>
        <source>Settle a disagreement</source>
        <translation>Rozstrzygnij rozbieżność</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>%1: keep “%2” for this visit (it can be undone).
Why? The reason is kept in the log.</source>
        <translation>%1: zachować „%2” dla tej wizyty (można to cofnąć).
Dlaczego? Powód trafi do dziennika.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>&amp;Settle</source>
        <translation>&amp;Rozstrzygnij</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>Say why you choose this value; nothing was changed.</source>
        <translation>Podaj, dlaczego wybierasz tę wartość; niczego nie zmieniono.</translation>
    </message>
    <message>
        <source>Registry&apos;s value from</source>
        <translation>Wartość w rejestrze z</translation>
    </message>
    <message>
        <source>Other value from</source>
        <translation>Druga wartość z</translation>
    </message>
    <message>
        <source>this registry</source>
        <translation>ten rejestr</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>wersja %1</translation>
    </message>
    <message>
        <source>not finalised</source>
        <translation>niezatwierdzona</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>The selected disagreement in full</source>
        <translation>Zaznaczona rozbieżność w całości</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>In the registry: %1 (from %2)</source>
        <translation>W rejestrze: %1 (źródło: %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>Other official&apos;s value: %1 (from %2)</source>
        <translation>Wartość drugiego urzędnika: %1 (źródło: %2)</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="46"/>
        <source>Your key for encrypted minutes</source>
        <translation>Twój klucz do zaszyfrowanych protokołów</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="48"/>
        <source>%n file(s) are encrypted for the coordinator. Give your key file (.p12) and its password to open them; visitapp keeps the key for this session only.</source>
        <translation>
            <numerusform>%n plik jest zaszyfrowany dla koordynatora. Podaj swój plik klucza (.p12) i jego hasło, aby go otworzyć; visitapp przechowa klucz tylko do końca sesji.</numerusform>
            <numerusform>%n pliki są zaszyfrowane dla koordynatora. Podaj swój plik klucza (.p12) i jego hasło, aby je otworzyć; visitapp przechowa klucz tylko do końca sesji.</numerusform>
            <numerusform>%n plików jest zaszyfrowanych dla koordynatora. Podaj swój plik klucza (.p12) i jego hasło, aby je otworzyć; visitapp przechowa klucz tylko do końca sesji.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="53"/>
        <source>Key file</source>
        <translation>Plik klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="54"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="55"/>
        <source>Choose the key file</source>
        <translation>Wybierz plik klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="62"/>
        <source>Password of the key file</source>
        <translation>Hasło pliku klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="72"/>
        <source>&amp;Key file:</source>
        <translation>Plik &amp;klucza:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="73"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="78"/>
        <source>Your key file</source>
        <translation>Twój plik klucza</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="79"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>Pliki kluczy (*.p12 *.pfx);;Wszystkie pliki (*)</translation>
    </message>
</context>
<context>
    <name>MergePage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="395"/>
        <source>Waiting for other coordinators&apos; work on the registry (%1 s so far): %2</source>
        <translation>Czekam, aż inni koordynatorzy skończą pracę w rejestrze (dotąd %1 s): %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="65"/>
        <source>Drop area for signed minutes</source>
        <translation>Miejsce na upuszczenie podpisanych protokołów</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="67"/>
        <source>Choose PDF files to merge</source>
        <translation>Wybierz pliki PDF do scalenia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="68"/>
        <source>Choose f&amp;older…</source>
        <translation>Wybierz &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="69"/>
        <source>Choose a folder of PDF files to merge</source>
        <translation>Wybierz folder z plikami PDF do scalenia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="70"/>
        <source>&amp;Cancel merge</source>
        <translation>&amp;Anuluj scalanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="71"/>
        <source>Cancel the merge after the current file</source>
        <translation>Anuluj scalanie po bieżącym pliku</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="66"/>
        <source>Choose f&amp;iles…</source>
        <translation>Wybierz p&amp;liki…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="63"/>
        <source>Drop signed minutes (PDF files, or .p7m encrypted for you) or whole folders here.
Each file is verified, then merged into the registry.</source>
        <translation>Upuść tutaj podpisane protokoły (pliki PDF albo zaszyfrowane dla ciebie .p7m) lub całe foldery.
Każdy plik zostanie sprawdzony, a potem scalony z rejestrem.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="73"/>
        <source>Clear res&amp;ults</source>
        <translation>Wy&amp;czyść wyniki</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="74"/>
        <source>Clear the table of results</source>
        <translation>Wyczyść tabelę wyników</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="77"/>
        <source>Merge progress</source>
        <translation>Postęp scalania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="80"/>
        <source>%v of %m files</source>
        <translation>%v z %m plików</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="81"/>
        <source>No files merged yet.</source>
        <translation>Jeszcze nie scalono żadnych plików.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="82"/>
        <source>Merge status</source>
        <translation>Stan scalania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="87"/>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="88"/>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="90"/>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="92"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="93"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="95"/>
        <source>Results of the merge, one row per file</source>
        <translation>Wyniki scalania, jeden wiersz na plik</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>accepted</source>
        <translation>przyjęty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>unchanged</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>rejected</source>
        <translation>odrzucony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="124"/>
        <source>not merged</source>
        <translation>nie scalony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="131"/>
        <source>new visit</source>
        <translation>nowa wizyta</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="132"/>
        <source>%n note(s) added</source>
        <translation>
            <numerusform>dodano %n notatkę</numerusform>
            <numerusform>dodano %n notatki</numerusform>
            <numerusform>dodano %n notatek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="133"/>
        <source>%n note(s) updated</source>
        <translation>
            <numerusform>zmieniono %n notatkę</numerusform>
            <numerusform>zmieniono %n notatki</numerusform>
            <numerusform>zmieniono %n notatek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="134"/>
        <source>%n note(s) removed</source>
        <translation>
            <numerusform>usunięto %n notatkę</numerusform>
            <numerusform>usunięto %n notatki</numerusform>
            <numerusform>usunięto %n notatek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="135"/>
        <source>%n action item(s) added</source>
        <translation>
            <numerusform>dodano %n zadanie</numerusform>
            <numerusform>dodano %n zadania</numerusform>
            <numerusform>dodano %n zadań</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="136"/>
        <source>%n action item(s) updated</source>
        <translation>
            <numerusform>zmieniono %n zadanie</numerusform>
            <numerusform>zmieniono %n zadania</numerusform>
            <numerusform>zmieniono %n zadań</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="148"/>
        <source>%n disagreement(s) to settle on the Disagreements page.</source>
        <translation>
            <numerusform>%n rozbieżność do rozstrzygnięcia na karcie Rozbieżności.</numerusform>
            <numerusform>%n rozbieżności do rozstrzygnięcia na karcie Rozbieżności.</numerusform>
            <numerusform>%n rozbieżności do rozstrzygnięcia na karcie Rozbieżności.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="159"/>
        <source>Signed minutes to merge</source>
        <translation>Podpisane protokoły do scalenia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="159"/>
        <source>Signed minutes (*.pdf *.p7m);;All files (*)</source>
        <translation>Podpisane protokoły (*.pdf *.p7m);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="164"/>
        <source>A folder of signed minutes to merge</source>
        <translation>Folder z podpisanymi protokołami do scalenia</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="203"/>
        <source>There is no PDF file in what was dropped.</source>
        <translation>Wśród upuszczonych elementów nie ma pliku PDF.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="209"/>
        <source>Verifying and merging %n file(s)…</source>
        <translation>
            <numerusform>Weryfikacja i scalanie %n pliku…</numerusform>
            <numerusform>Weryfikacja i scalanie %n plików…</numerusform>
            <numerusform>Weryfikacja i scalanie %n plików…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="89"/>
        <source>%v of %n file(s)</source>
        <translation>
            <numerusform>%v z %n pliku</numerusform>
            <numerusform>%v z %n plików</numerusform>
            <numerusform>%v z %n plików</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="231"/>
        <source>Merged %1 of %2: %3</source>
        <translation>Scalono %1 z %2: %3</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="239"/>
        <source>Cancelling after the current file…</source>
        <translation>Anulowanie po bieżącym pliku…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="244"/>
        <source>The merge was cancelled before this file.</source>
        <translation>Scalanie anulowano przed tym plikiem.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="247"/>
        <source>%1 accepted, %2 unchanged, %3 rejected.</source>
        <translation>Przyjęte: %1, bez zmian: %2, odrzucone: %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="251"/>
        <source>Cancelled: %1 of %2 files merged.</source>
        <translation>Anulowano: scalono %1 z %2 plików.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="257"/>
        <source>The merge stopped: %1</source>
        <translation>Scalanie przerwane: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="258"/>
        <source>Merge</source>
        <translation>Scalanie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>Timestamp</source>
        <translation>Znacznik czasu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>qualified</source>
        <translation>kwalifikowany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>advanced</source>
        <translation>zaawansowany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>self-signed</source>
        <translation>samopodpisany</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>by fingerprint</source>
        <translation>po odcisku</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>not revoked</source>
        <translation>nieunieważniony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revoked</source>
        <translation>unieważniony</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revocation unknown</source>
        <translation>unieważnienie nieznane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revocation not checked</source>
        <translation>unieważnienia nie sprawdzono</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>qualified timestamp</source>
        <translation>kwalifikowany znacznik czasu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>timestamp (not qualified)</source>
        <translation>znacznik czasu (niekwalifikowany)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>timestamp (authority not trusted)</source>
        <translation>znacznik czasu (urząd niezaufany)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>no timestamp</source>
        <translation>bez znacznika czasu</translation>
    </message>
    <message>
        <source>&amp;Trust this signer and merge again…</source>
        <translation>Za&amp;ufaj temu podpisującemu i scal ponownie…</translation>
    </message>
    <message>
        <source>Trust the signer of the selected rejected file, after confirming the fingerprint, and merge it again</source>
        <translation>Zaufaj podpisującemu wybrany odrzucony plik, po potwierdzeniu odcisku, i scal plik ponownie</translation>
    </message>
    <message>
        <source>Also trust for this merge &amp;only:</source>
        <translation>Ufaj też &amp;tylko na czas tego scalania:</translation>
    </message>
    <message>
        <source>Trust the chosen certificates for the merges of this window only; nothing is stored</source>
        <translation>Ufaj wybranym certyfikatom tylko przy scalaniach w tym oknie; nic nie jest zapisywane</translation>
    </message>
    <message>
        <source>Certificates…</source>
        <translation>Certyfikaty…</translation>
    </message>
    <message>
        <source>Choose the certificates to trust for this merge only</source>
        <translation>Wybierz certyfikaty, którym ufać tylko przy tym scalaniu</translation>
    </message>
    <message>
        <source>no certificate chosen</source>
        <translation>nie wybrano certyfikatu</translation>
    </message>
    <message>
        <source>Trust a signer</source>
        <translation>Zaufaj podpisującemu</translation>
    </message>
    <message>
        <source>Certificates to trust for this merge only</source>
        <translation>Certyfikaty, którym ufać tylko przy tym scalaniu</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certyfikaty (*.pem *.crt *.cer *.der);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Trust for this merge only</source>
        <translation>Zaufanie tylko na czas tego scalania</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="42"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="43"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="44"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="45"/>
        <source>Visits</source>
        <translation>Wizyty</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="46"/>
        <source>Erased</source>
        <translation>Usunięta</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="46"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="48"/>
        <source>People in the registry</source>
        <translation>Osoby w rejestrze</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="49"/>
        <source>E&amp;xport their data…</source>
        <translation>&amp;Eksportuj jej dane…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="50"/>
        <source>Export everything held about the selected person</source>
        <translation>Eksportuj wszystkie dane wybranej osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="52"/>
        <source>Also replace mentions of the name in note texts</source>
        <translation>Zastąp także wzmianki o nazwisku w treści notatek</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="54"/>
        <source>&amp;Erase…</source>
        <translation>&amp;Usuń…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="55"/>
        <source>Erase the selected person&apos;s personal data</source>
        <translation>Usuń dane osobowe wybranej osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="83"/>
        <source>People</source>
        <translation>Osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="83"/>
        <source>Select a person first.</source>
        <translation>Najpierw wybierz osobę.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="92"/>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="105"/>
        <source>Export a person&apos;s data</source>
        <translation>Eksport danych osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="93"/>
        <source>JSON files (*.json)</source>
        <translation>Pliki JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="107"/>
        <source>Wrote %1.</source>
        <translation>Zapisano %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="118"/>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="147"/>
        <source>Erase a person</source>
        <translation>Usuwanie osoby</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="126"/>
        <source>Erasing and rewriting the database file…</source>
        <translation>Usuwanie i przepisywanie pliku bazy danych…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="135"/>
        <source>Erased: the person is now %1.</source>
        <translation>Usunięto: osoba nazywa się teraz %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="137"/>
        <source>These merged files (signed PDFs, not changed) still name them: %1</source>
        <translation>Te scalone pliki (podpisane PDF, niezmienione) nadal zawierają jej dane: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>These tables still hold the person&apos;s old rows in the server&apos;s files, because this account may not vacuum them; ask the owner of the database server to run VACUUM FULL on them: %1</source>
        <translation>Te tabele nadal przechowują dawne wiersze tej osoby w plikach serwera, ponieważ to konto nie może ich odkurzyć (VACUUM); poproś właściciela serwera bazy danych o wykonanie na nich VACUUM FULL: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>The backups made before upgrades of this database also hold their data; they will be deleted: %1</source>
        <translation>Kopie zapasowe wykonane przed aktualizacjami tej bazy danych również zawierają dane tej osoby; zostaną skasowane: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>Deleted the backups made before upgrades, which held their data: %1</source>
        <translation>Skasowano kopie zapasowe sprzed aktualizacji, które zawierały dane tej osoby: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Erase %1 (%2)?</source>
        <translation>Usunąć dane osoby %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Erase %1?</source>
        <translation>Usunąć dane osoby %1?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>They appear in %n visit(s).</source>
        <translation>
            <numerusform>Występuje w %n wizycie.</numerusform>
            <numerusform>Występuje w %n wizytach.</numerusform>
            <numerusform>Występuje w %n wizytach.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Their name, e-mail and phone are replaced by a pseudonym everywhere in this database; this cannot be undone.</source>
        <translation>Imię i nazwisko, e-mail i telefon tej osoby zostaną w całej bazie zastąpione pseudonimem; tego nie można cofnąć.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Mentions of the name in note texts are replaced by the pseudonym too.</source>
        <translation>Wzmianki o nazwisku w treści notatek także zostaną zastąpione pseudonimem.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Mentions of the name in note texts stay as they are (tick “Also replace mentions of the name in note texts” to replace them).</source>
        <translation>Wzmianki o nazwisku w treści notatek pozostaną bez zmian (aby je zastąpić, zaznacz „Zastąp także wzmianki o nazwisku w treści notatek”).</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="50"/>
        <source>Series to report on or plan</source>
        <translation>Cykl do raportu lub planu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="53"/>
        <source>&amp;Series:</source>
        <translation>&amp;Cykl:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="56"/>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="179"/>
        <source>Series report</source>
        <translation>Raport z cyklu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="58"/>
        <source>Language of the report</source>
        <translation>Język raportu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="62"/>
        <source>Also write &amp;CSV files (visits, notes, action items) for spreadsheets</source>
        <translation>Zapisz też pliki C&amp;SV (wizyty, notatki, zadania) do arkuszy kalkulacyjnych</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="65"/>
        <source>Write the &amp;report…</source>
        <translation>&amp;Zapisz raport…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="66"/>
        <source>Write the series report as a PDF file</source>
        <translation>Zapisz raport z cyklu jako plik PDF</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="69"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="75"/>
        <source>Overview of visits, organisations and people; action items by owner and status with overdue ones marked; themes across visits; a page per organisation.</source>
        <translation>Przegląd wizyt, organizacji i osób; zadania według odpowiedzialnych i stanu z oznaczeniem zaległych; tematy przekrojowe; strona dla każdej organizacji.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="82"/>
        <source>Plan of visits</source>
        <translation>Plan wizyt</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="83"/>
        <source>Include visits that are no longer &amp;planned</source>
        <translation>Uwzględnij też wizyty, które już nie są &amp;planowane</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="84"/>
        <source>E&amp;xport plan…</source>
        <translation>Eksportuj p&amp;lan…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="85"/>
        <source>Write the planned visits to a plan file for officials</source>
        <translation>Zapisz planowane wizyty do pliku planu dla urzędników</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="86"/>
        <source>&amp;Import plan…</source>
        <translation>&amp;Importuj plan…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="87"/>
        <source>Add the visits of a plan file to this database</source>
        <translation>Dodaj wizyty z pliku planu do tej bazy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="88"/>
        <source>Officials who import the plan start from the same visits, so every note on one visit shares its identity when it comes back to be merged.</source>
        <translation>Urzędnicy, którzy zaimportują plan, zaczynają od tych samych wizyt, więc każda notatka z jednej wizyty ma jej identyfikator, gdy wraca do scalenia.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="102"/>
        <source>Result of the last report or plan</source>
        <translation>Wynik ostatniego raportu lub planu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="127"/>
        <source>All series</source>
        <translation>Wszystkie cykle</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="139"/>
        <source>Write the series report</source>
        <translation>Zapisz raport z cyklu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="140"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="160"/>
        <source>Writing the report…</source>
        <translation>Zapisywanie raportu…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="170"/>
        <source>Report written to %1.</source>
        <translation>Raport zapisano w %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="172"/>
        <source>%n CSV file(s) in %1.</source>
        <translation>
            <numerusform>%n plik CSV w %1.</numerusform>
            <numerusform>%n pliki CSV w %1.</numerusform>
            <numerusform>%n plików CSV w %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="183"/>
        <source>Export the plan of visits</source>
        <translation>Eksport planu wizyt</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="204"/>
        <source>Export the plan</source>
        <translation>Eksport planu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="206"/>
        <source>%n planned visit(s) written to %1.</source>
        <translation>
            <numerusform>Zapisano %n planowaną wizytę w %1.</numerusform>
            <numerusform>Zapisano %n planowane wizyty w %1.</numerusform>
            <numerusform>Zapisano %n planowanych wizyt w %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="210"/>
        <source>Import a plan of visits</source>
        <translation>Import planu wizyt</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="280"/>
        <source>Import a plan</source>
        <translation>Import planu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="271"/>
        <source>Visits from the plan: %1 added, %2 updated, %3 unchanged.</source>
        <translation>Wizyty z planu: dodane %1, zmienione %2, bez zmian %3.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="184"/>
        <source>Signed plan files (*.p7m)</source>
        <translation>Podpisane pliki planu (*.p7m)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="187"/>
        <source>Sign the plan with your certificate file</source>
        <translation>Podpisz plan swoim plikiem certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="188"/>
        <source>Certificate files (*.p12 *.pfx)</source>
        <translation>Pliki certyfikatów (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="191"/>
        <source>Sign the plan</source>
        <translation>Podpisz plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="191"/>
        <source>Password of the certificate file:</source>
        <translation>Hasło pliku certyfikatu:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="211"/>
        <source>Plan files (*.p7m *.json);;All files (*)</source>
        <translation>Pliki planu (*.p7m *.json);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="233"/>
        <source>This plan is signed by %1 (%2), whom this database does not trust yet.</source>
        <translation>Ten plan podpisano certyfikatem %1 (%2), któremu ta baza jeszcze nie ufa.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="235"/>
        <source>SHA-256 fingerprint:</source>
        <translation>Odcisk SHA-256:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="236"/>
        <source>Trust this signer only if the coordinator confirms this fingerprint to you, for example by phone. Trust the signer and go on?</source>
        <translation>Zaufaj tylko wtedy, gdy koordynator potwierdzi ci ten odcisk, np. telefonicznie. Zaufać i kontynuować?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="238"/>
        <source>Trust the signer of this plan?</source>
        <translation>Zaufać podpisującemu ten plan?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="253"/>
        <source>The plan changes visits you already have:</source>
        <translation>Plan zmienia wizyty, które już masz:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="255"/>
        <source>… and %1 more (see the details).</source>
        <translation>… i jeszcze %1 (zobacz szczegóły).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="257"/>
        <source>New visits in the plan: %1.</source>
        <translation>Nowe wizyty w planie: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="258"/>
        <source>Apply these changes?</source>
        <translation>Wprowadzić te zmiany?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="260"/>
        <source>Changes to your visits</source>
        <translation>Zmiany w twoich wizytach</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="303"/>
        <source>The plan was not imported.</source>
        <translation>Planu nie zaimportowano.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="155"/>
        <source>report.pdf</source>
        <translation>raport.pdf</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>There are no visits to export.</source>
        <translation>Nie ma wizyt do wyeksportowania.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>There are no planned visits to export. Tick “Include visits that are no longer planned” to export the others.</source>
        <translation>Nie ma zaplanowanych wizyt do wyeksportowania. Zaznacz „Uwzględnij też wizyty, które już nie są planowane”, aby wyeksportować pozostałe.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>The plan will hold %n visit(s):</source>
        <translation>
            <numerusform>Plan obejmie %n wizytę:</numerusform>
            <numerusform>Plan obejmie %n wizyty:</numerusform>
            <numerusform>Plan obejmie %n wizyt:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>Choose the file and sign the plan?</source>
        <translation>Wybrać plik i podpisać plan?</translation>
    </message>
</context>
<context>
    <name>TrustedListsSection</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>No operator's certificate was chosen. Check the list's signer against the certificate authorities this registry trusts instead?</source>
        <translation>Nie wybrano certyfikatu operatora. Sprawdzić zamiast tego podpisującego listę względem urzędów certyfikacji, którym ufa ten rejestr?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists (ETSI TS 119 612, e.g. Poland's from NCCert): their qualified certificate authorities are anchors, and signatures and timestamps they qualify are shown as qualified.</source>
        <translation>Listy zaufanych usług (ETSI TS 119 612, np. polska z NCCert): ich kwalifikowane urzędy certyfikacji są kotwicami, a podpisy i znaczniki czasu, które kwalifikują, są pokazywane jako kwalifikowane.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Territory</source>
        <translation>Terytorium</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Issued</source>
        <translation>Wydana</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Next update</source>
        <translation>Następna aktualizacja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Services</source>
        <translation>Usługi</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Odcisk (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists</source>
        <translation>Listy zaufanych usług</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted &amp;list…</source>
        <translation>Wczytaj &amp;listę zaufanych usług…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted list and its operator's certificate</source>
        <translation>Wczytaj listę zaufanych usług i certyfikat jej operatora</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Remove l&amp;ist</source>
        <translation>Usuń l&amp;istę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using the selected trusted list</source>
        <translation>Przestań używać wybranej listy zaufanych usług</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%1 (its signature no longer holds: it grades nothing)</source>
        <translation>%1 (jej podpis już się nie zgadza: niczego nie kwalifikuje)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%1 (overdue)</source>
        <translation>%1 (po terminie)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%n qualified CA(s)</source>
        <translation>
            <numerusform>%n kwalifikowany CA</numerusform>
            <numerusform>%n kwalifikowane CA</numerusform>
            <numerusform>%n kwalifikowanych CA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%n qualified timestamp service(s)</source>
        <translation>
            <numerusform>%n kwalifikowana usługa znakowania czasem</numerusform>
            <numerusform>%n kwalifikowane usługi znakowania czasem</numerusform>
            <numerusform>%n kwalifikowanych usług znakowania czasem</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted list to load</source>
        <translation>Lista zaufanych usług do wczytania</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists (*.xml);;All files (*)</source>
        <translation>Listy zaufanych usług (*.xml);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Certificate of the list's operator</source>
        <translation>Certyfikat operatora listy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certyfikaty (*.pem *.crt *.cer *.der);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted list</source>
        <translation>Wczytaj listę zaufanych usług</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using a trusted list</source>
        <translation>Przestań używać listy zaufanych usług</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using %1? Its certificate authorities are no longer anchors and nothing is graded qualified by it from now on; what was merged stays.</source>
        <translation>Przestać używać %1? Jej urzędy certyfikacji przestaną być kotwicami i od teraz nic nie będzie przez nią kwalifikowane; to, co scalono, zostaje.</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="35"/>
        <source>Minutes are merged only when they are signed by one of these people. Ask each official for the certificate file (.pem) that visitapp wrote beside their key.</source>
        <translation>Protokoły są scalane tylko wtedy, gdy podpisała je jedna z tych osób. Poproś każdego urzędnika o plik certyfikatu (.pem), który visitapp zapisał obok jego klucza.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="40"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="41"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="42"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Odcisk (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="44"/>
        <source>Valid until</source>
        <translation>Ważny do</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="46"/>
        <source>Trusted since</source>
        <translation>Zaufany od</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="48"/>
        <source>Trusted signers</source>
        <translation>Zaufani podpisujący</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="52"/>
        <source>&amp;Add certificate…</source>
        <translation>&amp;Dodaj certyfikat…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="53"/>
        <source>Trust the signer of a certificate file</source>
        <translation>Zaufaj osobie z pliku certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="54"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="55"/>
        <source>Stop trusting the selected signer</source>
        <translation>Przestań ufać wybranej osobie</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="57"/>
        <source>No trusted signers yet: every merged file would be rejected.</source>
        <translation>Nie ma jeszcze zaufanych podpisujących: każdy scalany plik zostałby odrzucony.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="85"/>
        <source>%1 (expired)</source>
        <translation>%1 (wygasł)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="97"/>
        <source>Certificate of a signer to trust</source>
        <translation>Certyfikat osoby, której zaufać</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="98"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certyfikaty (*.pem *.crt *.cer *.der);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="106"/>
        <source>Trust a signer</source>
        <translation>Zaufaj podpisującemu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="121"/>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="128"/>
        <source>Stop trusting a signer</source>
        <translation>Przestań ufać podpisującemu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="122"/>
        <source>Stop trusting %1 (%2)? Minutes they sign will be rejected from now on; what was merged stays.</source>
        <translation>Przestać ufać: %1 (%2)? Podpisane przez tę osobę protokoły będą odtąd odrzucane; to, co już scalono, zostaje.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Identity</source>
        <translation>Tożsamość</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>by fingerprint</source>
        <translation>po odcisku certyfikatu</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Certificate authorities (anchors): an official&apos;s certificate issued under one of them is trusted as that person, so a renewed certificate keeps its author.</source>
        <translation>Urzędy certyfikacji (kotwice zaufania): certyfikat urzędnika wydany przez jeden z nich jest zaufany jako ta osoba, więc odnowiony certyfikat zachowuje autora.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Authority</source>
        <translation>Urząd certyfikacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trusted certificate authorities</source>
        <translation>Zaufane urzędy certyfikacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Add a&amp;uthority…</source>
        <translation>Dodaj &amp;urząd…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trust a certificate authority as an anchor</source>
        <translation>Zaufaj urzędowi certyfikacji jako kotwicy</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Remove a&amp;nchor</source>
        <translation>Usuń &amp;kotwicę</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting the selected certificate authority</source>
        <translation>Przestań ufać zaznaczonemu urzędowi certyfikacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Certificate authority to trust</source>
        <translation>Urząd certyfikacji, któremu zaufać</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trust a certificate authority</source>
        <translation>Zaufaj urzędowi certyfikacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting a certificate authority</source>
        <translation>Przestań ufać urzędowi certyfikacji</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting %1? Signers trusted under it will be rejected from now on; what was merged stays.</source>
        <translation>Przestać ufać %1? Od teraz podpisy zaufanych pod nim osób będą odrzucane; to, co scalono, zostaje.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="190"/>
        <source>%1
SHA-256: %2</source>
        <translation>%1
SHA-256: %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="190"/>
        <source>Compare the fingerprint with the signer, for instance over the phone, before you trust it:

%1

Trust this certificate?</source>
        <translation>Porównaj odcisk z podpisującym, na przykład przez telefon, zanim mu zaufasz:

%1

Zaufać temu certyfikatowi?</translation>
    </message>
</context>
</TS>
