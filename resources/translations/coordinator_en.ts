<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActionsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="77"/>
        <source>institution or person</source>
        <translation>institution or person</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="79"/>
        <source>Filter by owner</source>
        <translation>Filter by owner</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="80"/>
        <source>&amp;Owner contains:</source>
        <translation>&amp;Owner contains:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="83"/>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="84"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="88"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="90"/>
        <source>Overdue on&amp;ly</source>
        <translation>Overdue on&amp;ly</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="91"/>
        <source>Show only overdue action items</source>
        <translation>Show only overdue action items</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="93"/>
        <source>Number of action items shown</source>
        <translation>Number of action items shown</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="96"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="98"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="100"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="101"/>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="189"/>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="102"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="103"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="105"/>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="112"/>
        <source>Status of the action item</source>
        <translation>Status of the action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="115"/>
        <source>no due date</source>
        <translation>no due date</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="115"/>
        <source>Due date of the action item</source>
        <translation>Due date of the action item</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="118"/>
        <source>Mark &amp;done</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="119"/>
        <source>Mark the selected action item done</source>
        <translation>Mark the selected action item done</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="120"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="121"/>
        <source>Open the selected action item again</source>
        <translation>Open the selected action item again</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="122"/>
        <source>F2 or a double click changes the status, owner or due date in place.</source>
        <translation>F2 or a double click changes the status, owner or due date in place.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="151"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="160"/>
        <source>%1 (overdue)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="176"/>
        <source>%n action item(s)</source>
        <translation>
            <numerusform>%n action item</numerusform>
            <numerusform>%n action items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/actions_page.py" line="178"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoordinatorView</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="32"/>
        <source>Coordinator</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="42"/>
        <source>Coordinator&apos;s tasks</source>
        <translation>Coordinator&apos;s tasks</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="50"/>
        <source>Merge signed minutes</source>
        <translation>Merge signed minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="45"/>
        <location filename="../../visitapp/ui/coordinator/view.py" line="50"/>
        <source>Trusted signers</source>
        <translation>Trusted signers</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="44"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="46"/>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="49"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="51"/>
        <source>Follow up action items</source>
        <translation>Follow up action items</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="51"/>
        <source>Disagreements to settle</source>
        <translation>Disagreements to settle</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="52"/>
        <source>People and their personal data</source>
        <translation>People and their personal data</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="69"/>
        <source>Disagreements (%1)</source>
        <translation>Disagreements (%1)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="70"/>
        <source>Disagreements</source>
        <translation>Disagreements</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/view.py" line="48"/>
        <location filename="../../visitapp/ui/coordinator/view.py" line="52"/>
        <source>Reports and plans</source>
        <translation>Reports and plans</translation>
    </message>
</context>
<context>
    <name>DisagreementsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="25"/>
        <source>Two officials&apos; minutes of the same visit say different things. Nothing was overwritten: both values are kept until you choose one.</source>
        <translation>Two officials&apos; minutes of the same visit say different things. Nothing was overwritten: both values are kept until you choose one.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="28"/>
        <source>Show &amp;settled ones too</source>
        <translation>Show &amp;settled ones too</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="29"/>
        <source>Also list disagreements already settled</source>
        <translation>Also list disagreements already settled</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="31"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="32"/>
        <source>Fact</source>
        <translation>Fact</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="33"/>
        <source>In the registry</source>
        <translation>In the registry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="35"/>
        <source>Other official&apos;s value</source>
        <translation>Other official&apos;s value</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="38"/>
        <source>Other official</source>
        <translation>Other official</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>settled</source>
        <translation>settled</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="39"/>
        <source>to settle</source>
        <translation>to settle</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="42"/>
        <source>Disagreements between officials&apos; minutes</source>
        <translation>Disagreements between officials&apos; minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="45"/>
        <source>Keep the &amp;registry&apos;s value</source>
        <translation>Keep the &amp;registry&apos;s value</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="46"/>
        <source>Settle the selected disagreement with the registry&apos;s value</source>
        <translation>Settle the selected disagreement with the registry&apos;s value</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="47"/>
        <source>&amp;Take the other value</source>
        <translation>&amp;Take the other value</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="48"/>
        <source>Settle the selected disagreement with the other official&apos;s value</source>
        <translation>Settle the selected disagreement with the other official&apos;s value</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="49"/>
        <source>No disagreements to settle.</source>
        <translation>No disagreements to settle.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="76"/>
        <source>Answer: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="77"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="77"/>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="78"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="85"/>
        <source>%1 (NIP %2)</source>
        <translation>%1 (NIP %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="116"/>
        <source>Settle a disagreement</source>
        <translation>Settle a disagreement</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>%1: keep “%2” for this visit (it can be undone).
Why? The reason is kept in the log.</source>
        <translation>%1: keep “%2” for this visit (it can be undone).
Why? The reason is kept in the log.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>&amp;Settle</source>
        <translation>&amp;Settle</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py" line="150"/>
        <source>Say why you choose this value; nothing was changed.</source>
        <translation>Say why you choose this value; nothing was changed.</translation>
    </message>
    <message>
        <source>Registry&apos;s value from</source>
        <translation>Registry&apos;s value from</translation>
    </message>
    <message>
        <source>Other value from</source>
        <translation>Other value from</translation>
    </message>
    <message>
        <source>this registry</source>
        <translation>this registry</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>not finalised</source>
        <translation>not finalised</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>The selected disagreement in full</source>
        <translation>The selected disagreement in full</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>In the registry: %1 (from %2)</source>
        <translation>In the registry: %1 (from %2)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/disagreements_page.py"/>
        <source>Other official&apos;s value: %1 (from %2)</source>
        <translation>Other official&apos;s value: %1 (from %2)</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="46"/>
        <source>Your key for encrypted minutes</source>
        <translation>Your key for encrypted minutes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="48"/>
        <source>%n file(s) are encrypted for the coordinator. Give your key file (.p12) and its password to open them; visitapp keeps the key for this session only.</source>
        <translation>
            <numerusform>%n file is encrypted for the coordinator. Give your key file (.p12) and its password to open it; visitapp keeps the key for this session only.</numerusform>
            <numerusform>%n files are encrypted for the coordinator. Give your key file (.p12) and its password to open them; visitapp keeps the key for this session only.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="53"/>
        <source>Key file</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="54"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="55"/>
        <source>Choose the key file</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="62"/>
        <source>Password of the key file</source>
        <translation>Password of the key file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="72"/>
        <source>&amp;Key file:</source>
        <translation>&amp;Key file:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="73"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="78"/>
        <source>Your key file</source>
        <translation>Your key file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/key_dialog.py" line="79"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>Key files (*.p12 *.pfx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>MergePage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="395"/>
        <source>Waiting for other coordinators&apos; work on the registry (%1 s so far): %2</source>
        <translation>Waiting for other coordinators&apos; work on the registry (%1 s so far): %2</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="65"/>
        <source>Drop area for signed minutes</source>
        <translation>Drop area for signed minutes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="67"/>
        <source>Choose PDF files to merge</source>
        <translation>Choose PDF files to merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="68"/>
        <source>Choose f&amp;older…</source>
        <translation>Choose f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="69"/>
        <source>Choose a folder of PDF files to merge</source>
        <translation>Choose a folder of PDF files to merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="70"/>
        <source>&amp;Cancel merge</source>
        <translation>&amp;Cancel merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="71"/>
        <source>Cancel the merge after the current file</source>
        <translation>Cancel the merge after the current file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="66"/>
        <source>Choose f&amp;iles…</source>
        <translation>Choose f&amp;iles…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="63"/>
        <source>Drop signed minutes (PDF files, or .p7m encrypted for you) or whole folders here.
Each file is verified, then merged into the registry.</source>
        <translation>Drop signed minutes (PDF files, or .p7m encrypted for you) or whole folders here.
Each file is verified, then merged into the registry.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="73"/>
        <source>Clear res&amp;ults</source>
        <translation>Clear res&amp;ults</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="74"/>
        <source>Clear the table of results</source>
        <translation>Clear the table of results</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="77"/>
        <source>Merge progress</source>
        <translation>Merge progress</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="80"/>
        <source>%v of %m files</source>
        <translation>%v of %m files</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="81"/>
        <source>No files merged yet.</source>
        <translation>No files merged yet.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="82"/>
        <source>Merge status</source>
        <translation>Merge status</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="87"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="88"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="90"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="92"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="93"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="95"/>
        <source>Results of the merge, one row per file</source>
        <translation>Results of the merge, one row per file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="123"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="124"/>
        <source>not merged</source>
        <translation>not merged</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="131"/>
        <source>new visit</source>
        <translation>new visit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="132"/>
        <source>%n note(s) added</source>
        <translation>
            <numerusform>%n note added</numerusform>
            <numerusform>%n notes added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="133"/>
        <source>%n note(s) updated</source>
        <translation>
            <numerusform>%n note updated</numerusform>
            <numerusform>%n notes updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="134"/>
        <source>%n note(s) removed</source>
        <translation>
            <numerusform>%n note removed</numerusform>
            <numerusform>%n notes removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="135"/>
        <source>%n action item(s) added</source>
        <translation>
            <numerusform>%n action item added</numerusform>
            <numerusform>%n action items added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="136"/>
        <source>%n action item(s) updated</source>
        <translation>
            <numerusform>%n action item updated</numerusform>
            <numerusform>%n action items updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="148"/>
        <source>%n disagreement(s) to settle on the Disagreements page.</source>
        <translation>
            <numerusform>%n disagreement to settle on the Disagreements page.</numerusform>
            <numerusform>%n disagreements to settle on the Disagreements page.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="159"/>
        <source>Signed minutes to merge</source>
        <translation>Signed minutes to merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="159"/>
        <source>Signed minutes (*.pdf *.p7m);;All files (*)</source>
        <translation>Signed minutes (*.pdf *.p7m);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="164"/>
        <source>A folder of signed minutes to merge</source>
        <translation>A folder of signed minutes to merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="203"/>
        <source>There is no PDF file in what was dropped.</source>
        <translation>There is no PDF file in what was dropped.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="209"/>
        <source>Verifying and merging %n file(s)…</source>
        <translation>
            <numerusform>Verifying and merging %n file…</numerusform>
            <numerusform>Verifying and merging %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="89"/>
        <source>%v of %n file(s)</source>
        <translation>
            <numerusform>%v of %n file</numerusform>
            <numerusform>%v of %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="231"/>
        <source>Merged %1 of %2: %3</source>
        <translation>Merged %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="239"/>
        <source>Cancelling after the current file…</source>
        <translation>Cancelling after the current file…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="244"/>
        <source>The merge was cancelled before this file.</source>
        <translation>The merge was cancelled before this file.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="247"/>
        <source>%1 accepted, %2 unchanged, %3 rejected.</source>
        <translation>%1 accepted, %2 unchanged, %3 rejected.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="251"/>
        <source>Cancelled: %1 of %2 files merged.</source>
        <translation>Cancelled: %1 of %2 files merged.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="257"/>
        <source>The merge stopped: %1</source>
        <translation>The merge stopped: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="258"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>Timestamp</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>qualified</source>
        <translation>qualified</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>advanced</source>
        <translation>advanced</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>self-signed</source>
        <translation>self-signed</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>by fingerprint</source>
        <translation>by fingerprint</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>not revoked</source>
        <translation>not revoked</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revocation unknown</source>
        <translation>revocation unknown</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>revocation not checked</source>
        <translation>revocation not checked</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>qualified timestamp</source>
        <translation>qualified timestamp</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>timestamp (not qualified)</source>
        <translation>timestamp (not qualified)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>timestamp (authority not trusted)</source>
        <translation>timestamp (authority not trusted)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/merge_page.py" line="1"/>
        <source>no timestamp</source>
        <translation>no timestamp</translation>
    </message>
    <message>
        <source>&amp;Trust this signer and merge again…</source>
        <translation>&amp;Trust this signer and merge again…</translation>
    </message>
    <message>
        <source>Trust the signer of the selected rejected file, after confirming the fingerprint, and merge it again</source>
        <translation>Trust the signer of the selected rejected file, after confirming the fingerprint, and merge it again</translation>
    </message>
    <message>
        <source>Also trust for this merge &amp;only:</source>
        <translation>Also trust for this merge &amp;only:</translation>
    </message>
    <message>
        <source>Trust the chosen certificates for the merges of this window only; nothing is stored</source>
        <translation>Trust the chosen certificates for the merges of this window only; nothing is stored</translation>
    </message>
    <message>
        <source>Certificates…</source>
        <translation>Certificates…</translation>
    </message>
    <message>
        <source>Choose the certificates to trust for this merge only</source>
        <translation>Choose the certificates to trust for this merge only</translation>
    </message>
    <message>
        <source>no certificate chosen</source>
        <translation>no certificate chosen</translation>
    </message>
    <message>
        <source>Trust a signer</source>
        <translation>Trust a signer</translation>
    </message>
    <message>
        <source>Certificates to trust for this merge only</source>
        <translation>Certificates to trust for this merge only</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Trust for this merge only</source>
        <translation>Trust for this merge only</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="42"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="43"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="44"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="45"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="46"/>
        <source>Erased</source>
        <translation>Erased</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="46"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="48"/>
        <source>People in the registry</source>
        <translation>People in the registry</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="49"/>
        <source>E&amp;xport their data…</source>
        <translation>E&amp;xport their data…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="50"/>
        <source>Export everything held about the selected person</source>
        <translation>Export everything held about the selected person</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="52"/>
        <source>Also replace mentions of the name in note texts</source>
        <translation>Also replace mentions of the name in note texts</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="54"/>
        <source>&amp;Erase…</source>
        <translation>&amp;Erase…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="55"/>
        <source>Erase the selected person&apos;s personal data</source>
        <translation>Erase the selected person&apos;s personal data</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="83"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="83"/>
        <source>Select a person first.</source>
        <translation>Select a person first.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="92"/>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="105"/>
        <source>Export a person&apos;s data</source>
        <translation>Export a person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="93"/>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="107"/>
        <source>Wrote %1.</source>
        <translation>Wrote %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="118"/>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="147"/>
        <source>Erase a person</source>
        <translation>Erase a person</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="126"/>
        <source>Erasing and rewriting the database file…</source>
        <translation>Erasing and rewriting the database file…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="135"/>
        <source>Erased: the person is now %1.</source>
        <translation>Erased: the person is now %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="137"/>
        <source>These merged files (signed PDFs, not changed) still name them: %1</source>
        <translation>These merged files (signed PDFs, not changed) still name them: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>These tables still hold the person&apos;s old rows in the server&apos;s files, because this account may not vacuum them; ask the owner of the database server to run VACUUM FULL on them: %1</source>
        <translation>These tables still hold the person&apos;s old rows in the server&apos;s files, because this account may not vacuum them; ask the owner of the database server to run VACUUM FULL on them: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>The backups made before upgrades of this database also hold their data; they will be deleted: %1</source>
        <translation>The backups made before upgrades of this database also hold their data; they will be deleted: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py" line="1"/>
        <source>Deleted the backups made before upgrades, which held their data: %1</source>
        <translation>Deleted the backups made before upgrades, which held their data: %1</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Erase %1 (%2)?</source>
        <translation>Erase %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Erase %1?</source>
        <translation>Erase %1?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>They appear in %n visit(s).</source>
        <translation>
            <numerusform>They appear in %n visit.</numerusform>
            <numerusform>They appear in %n visits.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Their name, e-mail and phone are replaced by a pseudonym everywhere in this database; this cannot be undone.</source>
        <translation>Their name, e-mail and phone are replaced by a pseudonym everywhere in this database; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Mentions of the name in note texts are replaced by the pseudonym too.</source>
        <translation>Mentions of the name in note texts are replaced by the pseudonym too.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/people_page.py"/>
        <source>Mentions of the name in note texts stay as they are (tick “Also replace mentions of the name in note texts” to replace them).</source>
        <translation>Mentions of the name in note texts stay as they are (tick “Also replace mentions of the name in note texts” to replace them).</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="50"/>
        <source>Series to report on or plan</source>
        <translation>Series to report on or plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="53"/>
        <source>&amp;Series:</source>
        <translation>&amp;Series:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="56"/>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="179"/>
        <source>Series report</source>
        <translation>Series report</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="58"/>
        <source>Language of the report</source>
        <translation>Language of the report</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="62"/>
        <source>Also write &amp;CSV files (visits, notes, action items) for spreadsheets</source>
        <translation>Also write &amp;CSV files (visits, notes, action items) for spreadsheets</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="65"/>
        <source>Write the &amp;report…</source>
        <translation>Write the &amp;report…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="66"/>
        <source>Write the series report as a PDF file</source>
        <translation>Write the series report as a PDF file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="69"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="75"/>
        <source>Overview of visits, organisations and people; action items by owner and status with overdue ones marked; themes across visits; a page per organisation.</source>
        <translation>Overview of visits, organisations and people; action items by owner and status with overdue ones marked; themes across visits; a page per organisation.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="82"/>
        <source>Plan of visits</source>
        <translation>Plan of visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="83"/>
        <source>Include visits that are no longer &amp;planned</source>
        <translation>Include visits that are no longer &amp;planned</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="84"/>
        <source>E&amp;xport plan…</source>
        <translation>E&amp;xport plan…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="85"/>
        <source>Write the planned visits to a plan file for officials</source>
        <translation>Write the planned visits to a plan file for officials</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="86"/>
        <source>&amp;Import plan…</source>
        <translation>&amp;Import plan…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="87"/>
        <source>Add the visits of a plan file to this database</source>
        <translation>Add the visits of a plan file to this database</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="88"/>
        <source>Officials who import the plan start from the same visits, so every note on one visit shares its identity when it comes back to be merged.</source>
        <translation>Officials who import the plan start from the same visits, so every note on one visit shares its identity when it comes back to be merged.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="102"/>
        <source>Result of the last report or plan</source>
        <translation>Result of the last report or plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="127"/>
        <source>All series</source>
        <translation>All series</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="139"/>
        <source>Write the series report</source>
        <translation>Write the series report</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="140"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="160"/>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="170"/>
        <source>Report written to %1.</source>
        <translation>Report written to %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="172"/>
        <source>%n CSV file(s) in %1.</source>
        <translation>
            <numerusform>%n CSV file in %1.</numerusform>
            <numerusform>%n CSV files in %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="183"/>
        <source>Export the plan of visits</source>
        <translation>Export the plan of visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="204"/>
        <source>Export the plan</source>
        <translation>Export the plan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="206"/>
        <source>%n planned visit(s) written to %1.</source>
        <translation>
            <numerusform>%n planned visit written to %1.</numerusform>
            <numerusform>%n planned visits written to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="210"/>
        <source>Import a plan of visits</source>
        <translation>Import a plan of visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="280"/>
        <source>Import a plan</source>
        <translation>Import a plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="271"/>
        <source>Visits from the plan: %1 added, %2 updated, %3 unchanged.</source>
        <translation>Visits from the plan: %1 added, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="184"/>
        <source>Signed plan files (*.p7m)</source>
        <translation>Signed plan files (*.p7m)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="187"/>
        <source>Sign the plan with your certificate file</source>
        <translation>Sign the plan with your certificate file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="188"/>
        <source>Certificate files (*.p12 *.pfx)</source>
        <translation>Certificate files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="191"/>
        <source>Sign the plan</source>
        <translation>Sign the plan</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="191"/>
        <source>Password of the certificate file:</source>
        <translation>Password of the certificate file:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="211"/>
        <source>Plan files (*.p7m *.json);;All files (*)</source>
        <translation>Plan files (*.p7m *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="233"/>
        <source>This plan is signed by %1 (%2), whom this database does not trust yet.</source>
        <translation>This plan is signed by %1 (%2), whom this database does not trust yet.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="235"/>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="236"/>
        <source>Trust this signer only if the coordinator confirms this fingerprint to you, for example by phone. Trust the signer and go on?</source>
        <translation>Trust this signer only if the coordinator confirms this fingerprint to you, for example by phone. Trust the signer and go on?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="238"/>
        <source>Trust the signer of this plan?</source>
        <translation>Trust the signer of this plan?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="253"/>
        <source>The plan changes visits you already have:</source>
        <translation>The plan changes visits you already have:</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="255"/>
        <source>… and %1 more (see the details).</source>
        <translation>… and %1 more (see the details).</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="257"/>
        <source>New visits in the plan: %1.</source>
        <translation>New visits in the plan: %1.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="258"/>
        <source>Apply these changes?</source>
        <translation>Apply these changes?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="260"/>
        <source>Changes to your visits</source>
        <translation>Changes to your visits</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="303"/>
        <source>The plan was not imported.</source>
        <translation>The plan was not imported.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py" line="155"/>
        <source>report.pdf</source>
        <translation>report.pdf</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>There are no visits to export.</source>
        <translation>There are no visits to export.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>There are no planned visits to export. Tick “Include visits that are no longer planned” to export the others.</source>
        <translation>There are no planned visits to export. Tick “Include visits that are no longer planned” to export the others.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>The plan will hold %n visit(s):</source>
        <translation>
            <numerusform>The plan will hold %n visit:</numerusform>
            <numerusform>The plan will hold %n visits:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/reports_page.py"/>
        <source>Choose the file and sign the plan?</source>
        <translation>Choose the file and sign the plan?</translation>
    </message>
</context>
<context>
    <name>TrustedListsSection</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>No operator's certificate was chosen. Check the list's signer against the certificate authorities this registry trusts instead?</source>
        <translation>No operator's certificate was chosen. Check the list's signer against the certificate authorities this registry trusts instead?</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists (ETSI TS 119 612, e.g. Poland's from NCCert): their qualified certificate authorities are anchors, and signatures and timestamps they qualify are shown as qualified.</source>
        <translation>Trusted lists (ETSI TS 119 612, e.g. Poland's from NCCert): their qualified certificate authorities are anchors, and signatures and timestamps they qualify are shown as qualified.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Territory</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Next update</source>
        <translation>Next update</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists</source>
        <translation>Trusted lists</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted &amp;list…</source>
        <translation>Load a trusted &amp;list…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted list and its operator's certificate</source>
        <translation>Load a trusted list and its operator's certificate</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Remove l&amp;ist</source>
        <translation>Remove l&amp;ist</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using the selected trusted list</source>
        <translation>Stop using the selected trusted list</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%1 (its signature no longer holds: it grades nothing)</source>
        <translation>%1 (its signature no longer holds: it grades nothing)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%1 (overdue)</source>
        <translation>%1 (overdue)</translation>
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
            <numerusform>%n qualified CA</numerusform>
            <numerusform>%n qualified CAs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>%n qualified timestamp service(s)</source>
        <translation>
            <numerusform>%n qualified timestamp service</numerusform>
            <numerusform>%n qualified timestamp services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted list to load</source>
        <translation>Trusted list to load</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Trusted lists (*.xml);;All files (*)</source>
        <translation>Trusted lists (*.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Certificate of the list's operator</source>
        <translation>Certificate of the list's operator</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Load a trusted list</source>
        <translation>Load a trusted list</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using a trusted list</source>
        <translation>Stop using a trusted list</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_lists.py" line="1"/>
        <source>Stop using %1? Its certificate authorities are no longer anchors and nothing is graded qualified by it from now on; what was merged stays.</source>
        <translation>Stop using %1? Its certificate authorities are no longer anchors and nothing is graded qualified by it from now on; what was merged stays.</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="35"/>
        <source>Minutes are merged only when they are signed by one of these people. Ask each official for the certificate file (.pem) that visitapp wrote beside their key.</source>
        <translation>Minutes are merged only when they are signed by one of these people. Ask each official for the certificate file (.pem) that visitapp wrote beside their key.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="40"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="41"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="42"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="44"/>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="46"/>
        <source>Trusted since</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="48"/>
        <source>Trusted signers</source>
        <translation>Trusted signers</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="52"/>
        <source>&amp;Add certificate…</source>
        <translation>&amp;Add certificate…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="53"/>
        <source>Trust the signer of a certificate file</source>
        <translation>Trust the signer of a certificate file</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="54"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="55"/>
        <source>Stop trusting the selected signer</source>
        <translation>Stop trusting the selected signer</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="57"/>
        <source>No trusted signers yet: every merged file would be rejected.</source>
        <translation>No trusted signers yet: every merged file would be rejected.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="85"/>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="97"/>
        <source>Certificate of a signer to trust</source>
        <translation>Certificate of a signer to trust</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="98"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="106"/>
        <source>Trust a signer</source>
        <translation>Trust a signer</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="121"/>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="128"/>
        <source>Stop trusting a signer</source>
        <translation>Stop trusting a signer</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="122"/>
        <source>Stop trusting %1 (%2)? Minutes they sign will be rejected from now on; what was merged stays.</source>
        <translation>Stop trusting %1 (%2)? Minutes they sign will be rejected from now on; what was merged stays.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>by fingerprint</source>
        <translation>by fingerprint</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Certificate authorities (anchors): an official&apos;s certificate issued under one of them is trusted as that person, so a renewed certificate keeps its author.</source>
        <translation>Certificate authorities (anchors): an official&apos;s certificate issued under one of them is trusted as that person, so a renewed certificate keeps its author.</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Authority</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trusted certificate authorities</source>
        <translation>Trusted certificate authorities</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Add a&amp;uthority…</source>
        <translation>Add a&amp;uthority…</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trust a certificate authority as an anchor</source>
        <translation>Trust a certificate authority as an anchor</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Remove a&amp;nchor</source>
        <translation>Remove a&amp;nchor</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting the selected certificate authority</source>
        <translation>Stop trusting the selected certificate authority</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Certificate authority to trust</source>
        <translation>Certificate authority to trust</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Trust a certificate authority</source>
        <translation>Trust a certificate authority</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting a certificate authority</source>
        <translation>Stop trusting a certificate authority</translation>
    </message>
    <message>
        <location filename="../../visitapp/ui/coordinator/trust_page.py" line="1"/>
        <source>Stop trusting %1? Signers trusted under it will be rejected from now on; what was merged stays.</source>
        <translation>Stop trusting %1? Signers trusted under it will be rejected from now on; what was merged stays.</translation>
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
        <translation>Compare the fingerprint with the signer, for instance over the phone, before you trust it:

%1

Trust this certificate?</translation>
    </message>
</context>
</TS>
