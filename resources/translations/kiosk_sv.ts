<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name></name>
    <message>
        <source>Check-in</source>
        <translation>Incheckning</translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation>Ställ in den här stationen</translation>
    </message>
    <message>
        <source>e.g. Desk 1</source>
        <translation>t.ex. Disk 1</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>ditt namn</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>Stationen behöver ett namn.</translation>
    </message>
    <message>
        <source>This is asked once; it is remembered on this computer.</source>
        <translation>Frågan ställs bara en gång; svaret sparas på den här datorn.</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Stationens namn</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <extracomment>How long the attendee-facing notice stays up on the self-service kiosk.</extracomment>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Please start again.</source>
        <translation>Förlåt, något gick fel. Börja om, tack.</translation>
    </message>
    <message>
        <source>If it happens again, please ask at the desk.</source>
        <translation>Om det händer igen, fråga i informationsdisken.</translation>
    </message>
    <message>
        <source>Something went wrong, but your work is safe.</source>
        <translation>Något gick fel, men ditt arbete är sparat.</translation>
    </message>
    <message>
        <source>The details were written to the log:</source>
        <translation>Detaljerna har skrivits till loggen:</translation>
    </message>
    <message>
        <source>The details were written to the log.</source>
        <translation>Detaljerna har skrivits till loggen.</translation>
    </message>
    <message>
        <source>Check-ins already made are saved. You can carry on; if it happens again, restart the app.</source>
        <translation>Incheckningar som redan gjorts är sparade. Du kan fortsätta; om det händer igen, starta om appen.</translation>
    </message>
    <message>
        <source>Arrivals per 5 minutes</source>
        <translation>Ankomster per 5 minuter</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Ankomster</translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation>Totalt hittills</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Väntade</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckade</translation>
    </message>
    <message>
        <source>create the demo event (a one-day forum, 170 attendees)</source>
        <translation>skapa demoevenemanget (ett endagsforum, 170 deltagare)</translation>
    </message>
    <message>
        <source>replace an existing demo event</source>
        <translation>ersätt ett befintligt demoevenemang</translation>
    </message>
    <message>
        <source>event name</source>
        <translation>evenemangets namn</translation>
    </message>
    <message>
        <source>list every attendee with code and status</source>
        <translation>lista alla deltagare med kod och status</translation>
    </message>
    <message>
        <source>search attendees by name, email, organisation or code</source>
        <translation>sök deltagare på namn, e-post, organisation eller kod</translation>
    </message>
    <message>
        <source>check in the attendee with this code (exit 0 ok, 3 already, 4 unknown, 5 blocked)</source>
        <translation>checka in deltagaren med den här koden (slutstatus 0 ok, 3 redan, 4 okänd, 5 spärrad)</translation>
    </message>
    <message>
        <source>record an exit for this code</source>
        <translation>registrera en utpassering för den här koden</translation>
    </message>
    <message>
        <source>annul this code&apos;s check-in, with a reason</source>
        <translation>ångra den här kodens incheckning, med ett skäl</translation>
    </message>
    <message>
        <source>the check-in list (default: the station&apos;s, else Entrance)</source>
        <translation>incheckningslistan (standard: stationens, annars Entré)</translation>
    </message>
    <message>
        <source>expected, checked in, inside, by category, ticket type, station and list</source>
        <translation>väntade, incheckade, inne, per kategori, biljettyp, station och lista</translation>
    </message>
    <message>
        <source>the figures of one check-in list</source>
        <translation>siffrorna för en incheckningslista</translation>
    </message>
    <message>
        <source>--attendees must be between 0 and 1000000</source>
        <translation>--attendees måste vara mellan 0 och 1000000</translation>
    </message>
    <message>
        <source>The event {name} already exists; left untouched (use --reset to recreate it).</source>
        <translation>Evenemanget {name} finns redan och lämnades orört (använd --reset för att skapa om det).</translation>
    </message>
    <message numerus="yes">
        <source>Created {name} with %n attendees in {url}</source>
        <translation>
            <numerusform>Skapade {name} med %n deltagare i {url}</numerusform>
            <numerusform>Skapade {name} med %n deltagare i {url}</numerusform>
        </translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation>inne sedan {time}</translation>
    </message>
    <message>
        <source>not arrived</source>
        <translation>inte anländ</translation>
    </message>
    <message>
        <source>--limit must be at least 1</source>
        <translation>--limit måste vara minst 1</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>incheckad</translation>
    </message>
    <message>
        <source>No match.</source>
        <translation>Ingen träff.</translation>
    </message>
    <message>
        <source>Checked in: {who} (back in after leaving)</source>
        <translation>Incheckad: {who} (tillbaka efter att ha gått ut)</translation>
    </message>
    <message>
        <source>Checked in: {who}</source>
        <translation>Incheckad: {who}</translation>
    </message>
    <message>
        <source>Already checked in: {who} at {time}, station {station}, by {operator}</source>
        <translation>Redan incheckad: {who} kl. {time}, station {station}, av {operator}</translation>
    </message>
    <message>
        <source>Already checked in: {who}</source>
        <translation>Redan incheckad: {who}</translation>
    </message>
    <message>
        <source>Unknown code: {code}</source>
        <translation>Okänd kod: {code}</translation>
    </message>
    <message>
        <source>Unknown code: nothing readable was scanned</source>
        <translation>Okänd kod: inget läsbart skannades</translation>
    </message>
    <message>
        <source>This code belongs to another event ({event})</source>
        <translation>Koden hör till ett annat evenemang ({event})</translation>
    </message>
    <message>
        <source>Blocked: {who}</source>
        <translation>Spärrad: {who}</translation>
    </message>
    <message>
        <source>Blocked ({reason}): {who}</source>
        <translation>Spärrad ({reason}): {who}</translation>
    </message>
    <message>
        <source>Checked out: {who}</source>
        <translation>Utcheckad: {who}</translation>
    </message>
    <message>
        <source>Not inside, nothing to check out: {who}</source>
        <translation>Inte på plats, inget att checka ut: {who}</translation>
    </message>
    <message>
        <source>Check-in annulled: {who}</source>
        <translation>Incheckningen ångrad: {who}</translation>
    </message>
    <message>
        <source>Not checked in, nothing to undo: {who}</source>
        <translation>Inte incheckad, inget att ångra: {who}</translation>
    </message>
    <message>
        <source>--reason must not be empty</source>
        <translation>--reason får inte vara tomt</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Evenemang:</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>Väntade:</translation>
    </message>
    <message>
        <source>Checked in:</source>
        <translation>Incheckade:</translation>
    </message>
    <message>
        <source>Inside now:</source>
        <translation>På plats nu:</translation>
    </message>
    <message>
        <source>Not arrived:</source>
        <translation>Inte anlända:</translation>
    </message>
    <message>
        <source>Walk-ins:</source>
        <translation>Drop-in:</translation>
    </message>
    <message>
        <source>Blocked:</source>
        <translation>Spärrade:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>By category:</source>
        <translation>Per kategori:</translation>
    </message>
    <message>
        <source>By ticket type:</source>
        <translation>Per biljettyp:</translation>
    </message>
    <message>
        <source>By station:</source>
        <translation>Per station:</translation>
    </message>
    <message>
        <source>By check-in list:</source>
        <translation>Per incheckningslista:</translation>
    </message>
    <message numerus="yes">
        <source>Blocked after check-in (the check-in stays; talk to them): %n</source>
        <translation>
            <numerusform>Spärrad efter incheckning (incheckningen står kvar; prata med personen): %n</numerusform>
            <numerusform>Spärrade efter incheckning (incheckningen står kvar; prata med dem): %n</numerusform>
        </translation>
    </message>
    <message>
        <source>exit</source>
        <extracomment>The badge privacy that applies and why (own setting, a category rule, or none) Where the desk reads, counts and queues badges: the hub, or the replica when it is lost. Categories and ticket types in use, offered in the walk-in and edit forms. What the search list shows: everyone, or only those still expected (roster.FILTERS). The last results at this station, newest first.</extracomment>
        <translation>utpasseringen</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>incheckningen</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>ångringen</translation>
    </message>
    <message>
        <source>Reprint queued</source>
        <translation>Ny utskrift köad</translation>
    </message>
    <message>
        <source>Badge queued for printing</source>
        <translation>Namnbrickan står i utskriftskön</translation>
    </message>
    <message>
        <source>print</source>
        <translation>utskriften</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>drop-in-registreringen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>ändringen</translation>
    </message>
    <message>
        <source>loading the attendee</source>
        <translation>hämtningen av deltagaren</translation>
    </message>
    <message>
        <source>Something went wrong. The details are in the log; please try again.</source>
        <translation>Något gick fel. Detaljerna finns i loggen; försök igen.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Biljettyp</translation>
    </message>
    <message>
        <source>Badge privacy</source>
        <translation>Integritet på namnbrickan</translation>
    </message>
    <message>
        <source>Staff notes</source>
        <translation>Anteckningar för personalen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Markeringar</translation>
    </message>
    <message>
        <source>Full name and organisation</source>
        <translation>Fullständigt namn och organisation</translation>
    </message>
    <message>
        <source>First name only</source>
        <translation>Bara förnamn</translation>
    </message>
    <message>
        <source>Name without organisation</source>
        <translation>Namn utan organisation</translation>
    </message>
    <message>
        <source>vip, speaker, press, accessibility</source>
        <translation>vip, talare, press, tillgänglighet</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <extracomment>exec() result when the desk picked a registered attendee instead (``chosen``)</extracomment>
        <translation>Registrera drop-in</translation>
    </message>
    <message>
        <source>Register, check in and print</source>
        <translation>Registrera, checka in och skriv ut</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Redan registrerad?</translation>
    </message>
    <message>
        <source>Check in {name} instead</source>
        <translation>Checka in {name} i stället</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>samma e-post</translation>
    </message>
    <message>
        <source>Register a new person anyway</source>
        <translation>Registrera en ny person ändå</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Ändra {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Ångra incheckning</translation>
    </message>
    <message>
        <source>Checked in by mistake</source>
        <translation>Incheckad av misstag</translation>
    </message>
    <message>
        <source>Wrong person picked</source>
        <translation>Fel person vald</translation>
    </message>
    <message>
        <source>Ticket shared with someone else</source>
        <translation>Biljetten delad med någon annan</translation>
    </message>
    <message>
        <source>Left before the event started</source>
        <translation>Gick innan evenemanget började</translation>
    </message>
    <message>
        <source>Pick or type a reason</source>
        <translation>Välj eller skriv en anledning</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>En anledning krävs.</translation>
    </message>
    <message>
        <source>Undo the check-in of {name}?</source>
        <translation>Ångra incheckningen av {name}?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Välkommen tillbaka</translation>
    </message>
    <message>
        <source>Checked in</source>
        <comment>the result of a scan: this person</comment>
        <translation>Incheckad</translation>
    </message>
    <message>
        <source>at {time} at station {station} by {operator}</source>
        <translation>kl. {time} vid station {station} av {operator}</translation>
    </message>
    <message>
        <source>list: {list}</source>
        <translation>lista: {list}</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Redan incheckad</translation>
    </message>
    <message>
        <source>Reprint the badge? Press F5</source>
        <translation>Skriva ut namnbrickan igen? Tryck F5</translation>
    </message>
    <message>
        <source>“{code}” is not a ticket for this event.</source>
        <translation>”{code}” är ingen biljett till det här evenemanget.</translation>
    </message>
    <message>
        <source>Nothing readable was scanned.</source>
        <translation>Inget läsbart skannades.</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Okänd kod</translation>
    </message>
    <message>
        <source>Search by name, or register a walk-in (F3)</source>
        <translation>Sök på namn eller registrera drop-in (F3)</translation>
    </message>
    <message>
        <source>This ticket is for “{event}”.</source>
        <translation>Biljetten gäller ”{event}”.</translation>
    </message>
    <message>
        <source>Ticket for another event</source>
        <translation>Biljett till ett annat evenemang</translation>
    </message>
    <message>
        <source>Send the person to the organisers&apos; desk</source>
        <translation>Skicka personen till arrangörens disk</translation>
    </message>
    <message>
        <source>Do not admit</source>
        <translation>Släpp inte in</translation>
    </message>
    <message>
        <source>Do not admit: {reason}</source>
        <translation>Släpp inte in: {reason}</translation>
    </message>
    <message>
        <source>This attendee is blocked: call the organiser</source>
        <translation>Deltagaren är spärrad: ring arrangören</translation>
    </message>
    <message>
        <source>Their category ({category}) is not admitted here.</source>
        <translation>Deras kategori ({category}) släpps inte in här.</translation>
    </message>
    <message>
        <source>Their ticket type ({type}) is not admitted here.</source>
        <translation>Deras biljettyp ({type}) släpps inte in här.</translation>
    </message>
    <message>
        <source>Not admitted on {list}</source>
        <translation>Inte insläppt på {list}</translation>
    </message>
    <message>
        <source>Send the person to the right room, or to the organisers&apos; desk</source>
        <translation>Skicka personen till rätt rum, eller till arrangörernas disk</translation>
    </message>
    <message>
        <source>Check-in here opens later.</source>
        <translation>Incheckningen här öppnar senare.</translation>
    </message>
    <message>
        <source>Check-in here has closed.</source>
        <translation>Incheckningen här har stängt.</translation>
    </message>
    <message>
        <source>{list} is not open</source>
        <translation>{list} är inte öppen</translation>
    </message>
    <message>
        <source>All {n} places are taken; an exit frees a place.</source>
        <translation>Alla {n} platser är tagna; en utpassering frigör en plats.</translation>
    </message>
    <message>
        <source>{list} is full</source>
        <translation>{list} är full</translation>
    </message>
    <message>
        <source>Badge printed (not an entry)</source>
        <translation>Namnbricka utskriven (ingen inpassering)</translation>
    </message>
    <message>
        <source>Exit recorded</source>
        <translation>Utpassering registrerad</translation>
    </message>
    <message>
        <source>Not inside</source>
        <translation>Inte på plats</translation>
    </message>
    <message>
        <source>No entry to leave from; nothing recorded</source>
        <translation>Ingen incheckning att gå ut från; inget registrerades</translation>
    </message>
    <message>
        <source>Check-in annulled</source>
        <translation>Incheckningen ångrad</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Inte incheckad</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Inget att ångra</translation>
    </message>
    <message>
        <source>Database unreachable: {action} NOT recorded</source>
        <translation>Databasen går inte att nå: {action} registrerades INTE</translation>
    </message>
    <message>
        <source>Nothing was saved. Check the network cable or Wi-Fi, then try again.</source>
        <translation>Inget sparades. Kontrollera nätverkskabeln eller wifi och försök igen.</translation>
    </message>
    <message>
        <source>The window keeps working; the status bar shows when the database is back</source>
        <translation>Fönstret fortsätter att fungera; statusraden visar när databasen är tillbaka</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} misslyckades</translation>
    </message>
    <message>
        <source>Settings… (Ctrl+,)</source>
        <translation>Inställningar… (Ctrl+,)</translation>
    </message>
    <message>
        <source>Events… (Ctrl+E)</source>
        <translation>Evenemang… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import… (Ctrl+I)</source>
        <translation>Importera… (Ctrl+I)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nytt evenemang</translation>
    </message>
    <message>
        <source>e.g. Nordic Safety Forum 2026</source>
        <translation>t.ex. Nordiskt säkerhetsforum 2026</translation>
    </message>
    <message>
        <source>e.g. Umeå Folkets Hus</source>
        <translation>t.ex. Umeå Folkets Hus</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Skapa evenemang</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tidszon</translation>
    </message>
    <message>
        <source>The event needs a name.</source>
        <translation>Evenemanget behöver ett namn.</translation>
    </message>
    <message>
        <source>Unknown time zone; pick one from the list, like Europe/Stockholm.</source>
        <translation>Okänd tidszon; välj en i listan, till exempel Europe/Stockholm.</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>Evenemanget måste sluta efter att det börjar.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>Show archived events</source>
        <translation>Visa arkiverade evenemang</translation>
    </message>
    <message>
        <source>Work on this event</source>
        <translation>Arbeta med det här evenemanget</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Nytt evenemang…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Byt namn…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkivera</translation>
    </message>
    <message>
        <source>Check-in lists…</source>
        <translation>Incheckningslistor…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>No events yet: create one with &apos;kiosk events create NAME --date YYYY-MM-DD&apos;.</source>
        <translation>Inga evenemang ännu: skapa ett med &apos;kiosk events create NAMN --date ÅÅÅÅ-MM-DD&apos;.</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(arkiverat)</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation>
            <numerusform>%n deltagare</numerusform>
            <numerusform>%n deltagare</numerusform>
        </translation>
    </message>
    <message>
        <source>Created event {name} on {date}</source>
        <translation>Skapade evenemanget {name} den {date}</translation>
    </message>
    <message>
        <source>Renamed event {old} to {new}</source>
        <translation>Bytte namn på evenemanget {old} till {new}</translation>
    </message>
    <message>
        <source>Archived event {name}</source>
        <translation>Arkiverade evenemanget {name}</translation>
    </message>
    <message>
        <source>Restored event {name}</source>
        <translation>Återställde evenemanget {name}</translation>
    </message>
    <message>
        <source>(this station)</source>
        <translation>(den här stationen)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Rename event</source>
        <translation>Byt namn på evenemanget</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nytt namn:</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>Kom igång</translation>
    </message>
    <message>
        <source>Welcome! Let&apos;s set up your first event.</source>
        <translation>Välkommen! Nu lägger vi upp ditt första evenemang.</translation>
    </message>
    <message>
        <source>This database has no event yet. Choose how to begin; you can add more events later from the desk (Events…).</source>
        <translation>Databasen har inget evenemang än. Välj hur du vill börja; fler evenemang kan du lägga till senare från disken (Evenemang…).</translation>
    </message>
    <message>
        <source>Create an event</source>
        <translation>Skapa ett evenemang</translation>
    </message>
    <message>
        <source>Name, venue, date and time zone; add attendees later</source>
        <translation>Namn, plats, datum och tidszon; lägg till deltagare senare</translation>
    </message>
    <message>
        <source>Import an attendee list</source>
        <translation>Importera en deltagarlista</translation>
    </message>
    <message>
        <source>Create the event, then bring in a CSV or Excel export (Eventbrite, pretix, …)</source>
        <translation>Skapa evenemanget och läs sedan in en CSV- eller Excel-export (Eventbrite, pretix, …)</translation>
    </message>
    <message>
        <source>Open the demo event</source>
        <translation>Öppna demoevenemanget</translation>
    </message>
    <message>
        <source>170 made-up attendees to try scanning, search and badges</source>
        <translation>170 påhittade deltagare att prova skanning, sökning och namnbrickor på</translation>
    </message>
    <message>
        <source>Creating the demo event…</source>
        <translation>Skapar demoevenemanget…</translation>
    </message>
    <message>
        <source>Import attendees</source>
        <translation>Importera deltagare</translation>
    </message>
    <message>
        <source>A CSV or Excel file (Eventbrite, pretix, your own spreadsheet)</source>
        <translation>En CSV- eller Excel-fil (Eventbrite, pretix, ditt eget kalkylblad)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Välj fil…</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolumn i filen</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importeras som</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Första värdet</translation>
    </message>
    <message>
        <source>Import the valid rows even if some rows have problems</source>
        <translation>Importera de giltiga raderna även om några rader har problem</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Columns (change what a column is imported as)</source>
        <translation>Kolumner (ändra vad en kolumn importeras som)</translation>
    </message>
    <message>
        <source>First rows, as they will be imported</source>
        <translation>De första raderna, så som de kommer att importeras</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <source>Choose an attendee list</source>
        <translation>Välj en deltagarlista</translation>
    </message>
    <message>
        <source>Attendee lists (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Deltagarlistor (*.csv *.tsv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <source>{file}: {format}</source>
        <translation>{file}: {format}</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>Klart att importera.</translation>
    </message>
    <message>
        <source>Choose which column holds the names.</source>
        <translation>Välj vilken kolumn som innehåller namnen.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(importeras inte)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… och {n} till</translation>
    </message>
    <message>
        <source>No problems found in the first rows.</source>
        <translation>Inga problem i de första raderna.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importen avbröts: ingenting skrevs.</translation>
    </message>
    <message>
        <source>Cannot import: {reason}</source>
        <translation>Kan inte importera: {reason}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} problems in {rows} rows. Fix the file, or tick the box to import the valid rows.</source>
        <translation>Inget importerades: {n} problem på {rows} rader. Rätta filen, eller kryssa i rutan för att importera de giltiga raderna.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.</source>
        <translation>Importerat: {added} tillagda, {updated} uppdaterade, {unchanged} oförändrade, {skipped} överhoppade.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Radera sista bokstaven</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellanslag</translation>
    </message>
    <message>
        <source>Type {key}</source>
        <translation>Skriv {key}</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Välkommen, {name}!</translation>
    </message>
    <message>
        <source>You are already checked in.</source>
        <translation>Du är redan incheckad.</translation>
    </message>
    <message>
        <source>Need a new badge? Press “Print a new badge”, or see the desk.</source>
        <translation>Behöver du en ny namnbricka? Tryck på ”Skriv ut ny namnbricka” eller gå till informationsdisken.</translation>
    </message>
    <message>
        <source>Need a new badge? Please see the desk.</source>
        <translation>Behöver du en ny namnbricka? Gå till informationsdisken.</translation>
    </message>
    <message>
        <source>We couldn&apos;t confirm your registration.</source>
        <translation>Vi kunde inte bekräfta din anmälan.</translation>
    </message>
    <message>
        <source>Please see the desk.</source>
        <translation>Gå till informationsdisken.</translation>
    </message>
    <message>
        <source>Please check in at the desk.</source>
        <translation>Vänligen checka in vid disken.</translation>
    </message>
    <message>
        <source>The staff there will help you.</source>
        <translation>Personalen där hjälper dig.</translation>
    </message>
    <message>
        <source>Check-in is not working right now.</source>
        <translation>Incheckningen fungerar inte just nu.</translation>
    </message>
    <message>
        <source>We couldn&apos;t find this ticket.</source>
        <translation>Vi hittade inte biljetten.</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>Din namnbricka skrivs ut…</translation>
    </message>
    <message>
        <source>Your badge is ready: please take it from the printer.</source>
        <translation>Din namnbricka är klar: ta den från skrivaren.</translation>
    </message>
    <message>
        <source>Your badge is delayed. Please see the desk.</source>
        <translation>Din namnbricka är försenad. Gå till informationsdisken.</translation>
    </message>
    <message>
        <source>Your badge is waiting for you at the desk.</source>
        <translation>Din namnbricka väntar på dig i informationsdisken.</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>The keys that changed on Save, for whoever applies them live.</extracomment>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Saved; changes apply now.</source>
        <translation>Sparat; ändringarna gäller direkt.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Inget ändrades.</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatiskt)</translation>
    </message>
    <message>
        <source>(system default)</source>
        <translation>(systemets standard)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>oförändrat</translation>
    </message>
    <message>
        <source>NAME=VALUE; NAME=VALUE</source>
        <translation>NAMN=VÄRDE; NAMN=VÄRDE</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <extracomment>One limiter per event for the whole app, so closing and reopening the dialog does not reset it.</extracomment>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>The settings are protected. Enter the admin PIN:</source>
        <translation>Inställningarna är skyddade. Ange admin-PIN:</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>Fel PIN. Försök igen om {seconds} s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Fel PIN.</translation>
    </message>
    <message>
        <source>Event check-in desk.</source>
        <extracomment>The commands a station&apos;s window needs; ``kiosk run`` is parsed with these alone first.</extracomment>
        <translation>Incheckningsdisk för evenemang.</translation>
    </message>
    <message>
        <source>database URL (default: $KIOSK_DB, else the station&apos;s database/url, else a SQLite file in the user data folder)</source>
        <translation>databasens URL (standard: $KIOSK_DB, annars stationens database/url, annars en SQLite-fil i användarens datamapp)</translation>
    </message>
    <message>
        <source>event to work on (default: the newest one)</source>
        <translation>evenemanget att arbeta med (standard: det senaste)</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>databasen</translation>
    </message>
    <message>
        <source>Cannot reach database {url}: {reason}</source>
        <translation>Kan inte nå databasen {url}: {reason}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <source>internal error: {error}</source>
        <translation>internt fel: {error}</translation>
    </message>
    <message>
        <source>render one attendee&apos;s badge to a PNG or PDF file, or list the templates</source>
        <translation>rita en deltagares namnbricka till en PNG- eller PDF-fil, eller lista mallarna</translation>
    </message>
    <message>
        <source>the attendee&apos;s ticket code</source>
        <translation>deltagarens biljettkod</translation>
    </message>
    <message>
        <source>FILE.png or FILE.pdf</source>
        <translation>FIL.png eller FIL.pdf</translation>
    </message>
    <message>
        <source>badge template (default: a6; see --list-templates)</source>
        <translation>namnbricksmall (standard: a6; se --list-templates)</translation>
    </message>
    <message>
        <source>print the templates, one a line, name first</source>
        <translation>skriv ut mallarna, en per rad, namnet först</translation>
    </message>
    <message>
        <source>write a ticket per attendee, a merged PDF and a mail-merge CSV</source>
        <translation>skriv en biljett per deltagare, en sammanslagen PDF och en CSV för massutskick</translation>
    </message>
    <message>
        <source>folder for the tickets (created, owner-only)</source>
        <translation>mapp för biljetterna (skapas, bara ägaren kommer åt den)</translation>
    </message>
    <message>
        <source>one file per attendee as PDF (default) or PNG</source>
        <translation>en fil per deltagare som PDF (standard) eller PNG</translation>
    </message>
    <message>
        <source>badge template skipped: {problem}</source>
        <translation>namnbricksmallen hoppades över: {problem}</translation>
    </message>
    <message>
        <source>Wrote {file} ({template}, {size})</source>
        <translation>Skrev {file} ({template}, {size})</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>biljetter</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n tickets to {folder}</source>
        <translation>
            <numerusform>Skrev %n biljett till {folder}</numerusform>
            <numerusform>Skrev %n biljetter till {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>merged PDF: {file}</source>
        <translation>sammanslagen PDF: {file}</translation>
    </message>
    <message>
        <source>mail-merge list: {file}</source>
        <translation>lista för e-postutskick: {file}</translation>
    </message>
    <message>
        <source>export checkins, attendees or attendance to a CSV or XLSX file</source>
        <translation>exportera incheckningar, deltagare eller närvaro till en CSV- eller XLSX-fil</translation>
    </message>
    <message>
        <source>checkins: the full log (times in the event&apos;s time zone); attendees: the list; attendance: first entry, last exit and status per attendee. CSV is UTF-8 with BOM; cells that would run as spreadsheet formulas are neutralised. The file is readable by its owner only.</source>
        <translation>checkins: hela loggen (tider i evenemangets tidszon); attendees: listan; attendance: första inpassering, sista utpassering och status per deltagare. CSV är UTF-8 med BOM; celler som skulle köras som kalkylbladsformler oskadliggörs. Bara ägaren kan läsa filen.</translation>
    </message>
    <message>
        <source>default: from the file name (.xlsx), else csv</source>
        <translation>standard: efter filnamnet (.xlsx), annars csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n {what} rows to {file} ({format})</source>
        <translation>
            <numerusform>Exporterade %n rad ({what}) till {file} ({format})</numerusform>
            <numerusform>Exporterade %n rader ({what}) till {file} ({format})</numerusform>
        </translation>
    </message>
    <message>
        <source>list the system&apos;s printers and their state</source>
        <translation>lista systemets skrivare och deras läge</translation>
    </message>
    <message>
        <source>print one badge through the print queue and wait for it, or pre-print a batch with --all</source>
        <translation>skriv ut en namnbricka via utskriftskön och vänta på den, eller förhandsskriv en omgång med --all</translation>
    </message>
    <message>
        <source>printer (default: the system default; pdf:FILE writes a PDF)</source>
        <translation>skrivare (standard: systemets standardskrivare; pdf:FIL skriver en PDF)</translation>
    </message>
    <message>
        <source>printer to use after --retries failures</source>
        <translation>skrivare att använda efter --retries misslyckanden</translation>
    </message>
    <message>
        <source>badge template (default: a6)</source>
        <translation>namnbricksmall (standard: a6)</translation>
    </message>
    <message>
        <source>whose print queue the job joins (default: cli)</source>
        <translation>vems utskriftskö jobbet hamnar i (standard: cli)</translation>
    </message>
    <message>
        <source>failures before the fallback, or giving up (3)</source>
        <translation>misslyckanden före reservskrivaren, eller innan det ges upp (3)</translation>
    </message>
    <message>
        <source>stop waiting after this long (120)</source>
        <translation>sluta vänta efter så här lång tid (120)</translation>
    </message>
    <message>
        <source>print badges for every attendee (see --filter)</source>
        <translation>skriv ut namnbrickor för alla deltagare (se --filter)</translation>
    </message>
    <message>
        <source>with --all: only attendees whose field matches ({fields}); repeatable</source>
        <translation>med --all: bara deltagare vars fält matchar ({fields}); kan upprepas</translation>
    </message>
    <message>
        <source>with --all: only attendees without a printed badge</source>
        <translation>med --all: bara deltagare utan utskriven namnbricka</translation>
    </message>
    <message>
        <source>with --all: N-up on A4 with cut marks (sheet), or one badge per label/page (label)</source>
        <translation>med --all: flera per A4 med skärmärken (sheet), eller en namnbricka per etikett/sida (label)</translation>
    </message>
    <message>
        <source>with --all: write the pages to a PDF instead of printing</source>
        <translation>med --all: skriv sidorna till en PDF i stället för att skriva ut</translation>
    </message>
    <message>
        <source>Attempt {n} failed: {error}</source>
        <translation>Försök {n} misslyckades: {error}</translation>
    </message>
    <message>
        <source>Printed the badge of {name} (a reprint) on {printer}</source>
        <translation>Skrev ut namnbrickan för {name} (omutskrift) på {printer}</translation>
    </message>
    <message>
        <source>Printed the badge of {name} on {printer}</source>
        <translation>Skrev ut namnbrickan för {name} på {printer}</translation>
    </message>
    <message>
        <source>No attendee matches; nothing printed.</source>
        <translation>Ingen deltagare matchar; inget skrevs ut.</translation>
    </message>
    <message>
        <source>badges</source>
        <translation>namnbrickor</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n badges on {pages} pages to {file}</source>
        <translation>
            <numerusform>Skrev %n namnbricka på {pages} sidor till {file}</numerusform>
            <numerusform>Skrev %n namnbrickor på {pages} sidor till {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Page {page}: %n badge(s) sent to {printer}</source>
        <translation>
            <numerusform>Sida {page}: %n namnbricka skickad till {printer}</numerusform>
            <numerusform>Sida {page}: %n namnbrickor skickade till {printer}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n badges</source>
        <translation>
            <numerusform>Skrev ut %n namnbricka</numerusform>
            <numerusform>Skrev ut %n namnbrickor</numerusform>
        </translation>
    </message>
    <message>
        <source>event to work on</source>
        <translation>evenemanget att arbeta med</translation>
    </message>
    <message>
        <source>station recorded in the audit trail (default: cli)</source>
        <translation>station som antecknas i granskningsloggen (standard: cli)</translation>
    </message>
    <message>
        <source>operator recorded in the audit trail</source>
        <translation>operatör som antecknas i granskningsloggen</translation>
    </message>
    <message>
        <source>anonymise an event&apos;s attendees for good (after the event)</source>
        <translation>anonymisera ett evenemangs deltagare för gott (efter evenemanget)</translation>
    </message>
    <message>
        <source>purge every event past its retention period</source>
        <translation>rensa alla evenemang vars lagringstid har gått ut</translation>
    </message>
    <message>
        <source>do not ask for the event&apos;s name as confirmation</source>
        <translation>fråga inte efter evenemangets namn som bekräftelse</translation>
    </message>
    <message>
        <source>one person&apos;s data: export it (--export FILE.json) or erase it (--erase)</source>
        <translation>en persons uppgifter: exportera dem (--export FIL.json) eller radera dem (--erase)</translation>
    </message>
    <message>
        <source>write everything held about them to this file</source>
        <translation>skriv allt som finns sparat om personen till den här filen</translation>
    </message>
    <message>
        <source>anonymise this attendee (cannot be undone)</source>
        <translation>anonymisera den här deltagaren (kan inte ångras)</translation>
    </message>
    <message>
        <source>erase without asking</source>
        <translation>radera utan att fråga</translation>
    </message>
    <message>
        <source>list the audit trail (imports, exports, edits, purges, ...)</source>
        <translation>lista granskningsloggen (importer, exporter, ändringar, rensningar, ...)</translation>
    </message>
    <message>
        <source>from this time: 2026-05-01, &apos;2026-05-01 14:00&apos;, 7d, 12h, 30m</source>
        <translation>från den här tiden: 2026-05-01, &apos;2026-05-01 14:00&apos;, 7d, 12h, 30m</translation>
    </message>
    <message>
        <source>before this time (same forms)</source>
        <translation>före den här tiden (samma former)</translation>
    </message>
    <message>
        <source>only this action (repeatable)</source>
        <translation>bara den här åtgärden (kan upprepas)</translation>
    </message>
    <message>
        <source>only the newest N entries</source>
        <translation>bara de N senaste posterna</translation>
    </message>
    <message>
        <source>staff settings of an event: set-pin</source>
        <translation>personalinställningar för ett evenemang: set-pin</translation>
    </message>
    <message>
        <source>set the staff PIN (4-12 digits); without PIN it is read from stdin</source>
        <translation>ange personalens PIN-kod (4–12 siffror); utan PIN läses den från stdin</translation>
    </message>
    <message>
        <source>No event is past its retention period.</source>
        <translation>Inget evenemang har passerat sin lagringstid.</translation>
    </message>
    <message>
        <source>purge {name}</source>
        <translation>rensning {name}</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n record(s) to {file}</source>
        <translation>
            <numerusform>Skrev %n post till {file}</numerusform>
            <numerusform>Skrev %n poster till {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Erased attendee #{id} of {event} ({seconds} s).</source>
        <translation>Raderade deltagare nr {id} i {event} ({seconds} s).</translation>
    </message>
    <message>
        <source>No audit entries.</source>
        <translation>Inga loggposter.</translation>
    </message>
    <message>
        <source>PIN set for {event}.</source>
        <translation>PIN satt för {event}.</translation>
    </message>
    <message>
        <source>printing unavailable (jobs stay queued)</source>
        <translation>utskrift inte tillgänglig (jobben står kvar i kön)</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>sökvägen är tom</translation>
    </message>
    <message>
        <source>the value is empty</source>
        <translation>värdet är tomt</translation>
    </message>
    <message>
        <source>admitted ticket types (none: all)</source>
        <translation>biljettyper som släpps in (inga: alla)</translation>
    </message>
    <message>
        <source>admitted categories (none: all)</source>
        <translation>kategorier som släpps in (inga: alla)</translation>
    </message>
    <message>
        <source>entry rule (default once)</source>
        <translation>inpasseringsregel (standard once)</translation>
    </message>
    <message>
        <source>places in the room</source>
        <translation>platser i lokalen</translation>
    </message>
    <message>
        <source>places in the room; 0 or less removes it</source>
        <translation>platser i lokalen; 0 eller mindre tar bort gränsen</translation>
    </message>
    <message>
        <source>opens at (event time unless an offset is given)</source>
        <translation>öppnar (evenemangets tid om ingen tidsförskjutning anges)</translation>
    </message>
    <message>
        <source>closes at</source>
        <translation>stänger</translation>
    </message>
    <message>
        <source>a badge desk: scans print, never enter</source>
        <translation>en namnbricksdisk: skanningar skriver ut, släpper aldrig in</translation>
    </message>
    <message>
        <source>counts toward inside the building</source>
        <translation>räknas som inne i byggnaden</translation>
    </message>
    <message>
        <source>the event&apos;s check-in lists; create, edit or archive one</source>
        <translation>evenemangets incheckningslistor; skapa, ändra eller arkivera en</translation>
    </message>
    <message>
        <source>include archived lists</source>
        <translation>ta med arkiverade listor</translation>
    </message>
    <message>
        <source>a new list</source>
        <translation>en ny lista</translation>
    </message>
    <message>
        <source>change a list; only what is given changes</source>
        <translation>ändra en lista; bara det som anges ändras</translation>
    </message>
    <message>
        <source>archive a list (stations can no longer choose it)</source>
        <translation>arkivera en lista (stationer kan inte längre välja den)</translation>
    </message>
    <message>
        <source>bring an archived list back</source>
        <translation>ta tillbaka en arkiverad lista</translation>
    </message>
    <message>
        <source>{option}: cannot read the time {text} (use &apos;2026-05-12 09:00&apos;)</source>
        <translation>{option}: kan inte läsa tiden {text} (skriv &apos;2026-05-12 09:00&apos;)</translation>
    </message>
    <message>
        <source>print only</source>
        <translation>endast utskrift</translation>
    </message>
    <message>
        <source>types: {types}</source>
        <translation>biljettyper: {types}</translation>
    </message>
    <message>
        <source>categories: {categories}</source>
        <translation>kategorier: {categories}</translation>
    </message>
    <message>
        <source>capacity {n}</source>
        <translation>kapacitet {n}</translation>
    </message>
    <message>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkiverad</translation>
    </message>
    <message>
        <source>category {value}</source>
        <translation>kategori {value}</translation>
    </message>
    <message>
        <source>ticket type {value}</source>
        <translation>biljettyp {value}</translation>
    </message>
    <message>
        <source>Not admitted on {list}: {who} ({why})</source>
        <translation>Inte behörig till {list}: {who} ({why})</translation>
    </message>
    <message>
        <source>{list} is not open yet: {who}</source>
        <translation>{list} har inte öppnat än: {who}</translation>
    </message>
    <message>
        <source>{list} is closed: {who}</source>
        <translation>{list} är stängd: {who}</translation>
    </message>
    <message>
        <source>{list} is full ({n} places): {who}</source>
        <translation>{list} är full ({n} platser): {who}</translation>
    </message>
    <message>
        <source>Badge scan logged at {list} (not an entry): {who}</source>
        <translation>Skanning loggad vid {list} (inte en incheckning): {who}</translation>
    </message>
    <message>
        <source>Already checked in on {list} at {time}, {station}: {who}</source>
        <translation>Redan incheckad på {list} {time}, {station}: {who}</translation>
    </message>
    <message>
        <source>Already checked in on {list}: {who}</source>
        <translation>Redan incheckad på {list}: {who}</translation>
    </message>
    <message>
        <source>Checked in on {list}: {who} (again)</source>
        <translation>Incheckad på {list}: {who} (igen)</translation>
    </message>
    <message>
        <source>Checked in on {list}: {who}</source>
        <translation>Incheckad på {list}: {who}</translation>
    </message>
    <message>
        <source>Checked out of {list}: {who}</source>
        <translation>Utcheckad från {list}: {who}</translation>
    </message>
    <message>
        <source>Not inside {list}, nothing to check out: {who}</source>
        <translation>Inte inne på {list}, inget att checka ut: {who}</translation>
    </message>
    <message>
        <source>Check-in on {list} annulled: {who}</source>
        <translation>Incheckningen på {list} ångrad: {who}</translation>
    </message>
    <message>
        <source>Not checked in on {list}, nothing to undo: {who}</source>
        <translation>Inte incheckad på {list}, inget att ångra: {who}</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Lista:</translation>
    </message>
    <message>
        <source>Places left:</source>
        <translation>Platser kvar:</translation>
    </message>
    <message>
        <source>the database: schema upgrade and version; backup, restore and check (SQLite)</source>
        <translation>databasen: schemauppgradering och version; säkerhetskopiering, återställning och kontroll (SQLite)</translation>
    </message>
    <message>
        <source>bring the schema to the newest version</source>
        <translation>uppgradera schemat till den senaste versionen</translation>
    </message>
    <message>
        <source>print the schema version and the newest one</source>
        <translation>skriv ut schemaversionen och den senaste</translation>
    </message>
    <message>
        <source>Backed up {db} to {file}</source>
        <translation>Säkerhetskopierade {db} till {file}</translation>
    </message>
    <message>
        <source>Restored {db} from {file}</source>
        <translation>Återställde {db} från {file}</translation>
    </message>
    <message>
        <source>The database as it was is kept in {file}</source>
        <translation>Databasen som den var sparas i {file}</translation>
    </message>
    <message>
        <source>{db}: ok ({check})</source>
        <translation>{db}: ok ({check})</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix}-fil</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>Säkerhetskopieringen misslyckades: {error}</translation>
    </message>
    <message>
        <source>import an attendee list (CSV or XLSX) into the event; re-importing updates, never deletes</source>
        <translation>importera en deltagarlista (CSV eller XLSX) till evenemanget; en ny import uppdaterar, tar aldrig bort</translation>
    </message>
    <message>
        <source>Import attendees from a ticketing export or spreadsheet. Columns are mapped from their headers (fields: {fields}). With any invalid row nothing is imported, unless --skip-invalid. Exit status: 0 imported, 2 refused or bad usage.</source>
        <translation>Importera deltagare från en export från biljettsystemet eller ett kalkylblad. Kolumnerna kopplas efter sina rubriker (fält: {fields}). Finns någon ogiltig rad importeras ingenting, utom med --skip-invalid. Slutstatus: 0 importerat, 2 nekat eller felaktig användning.</translation>
    </message>
    <message>
        <source>map a column (header or 1-based number) to a field, or to &apos;ignore&apos;; repeatable</source>
        <translation>koppla en kolumn (rubrik eller nummer från 1) till ett fält, eller till &apos;ignore&apos;; kan upprepas</translation>
    </message>
    <message>
        <source>import the valid rows and list the others</source>
        <translation>importera de giltiga raderna och lista de andra</translation>
    </message>
    <message>
        <source>show the mapping, the first rows and the counts; write nothing</source>
        <translation>visa kopplingen, de första raderna och antalen; skriv ingenting</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>skriv rapporten som JSON</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Kolumner:</translation>
    </message>
    <message>
        <source>First rows ({n}):</source>
        <translation>Första raderna ({n}):</translation>
    </message>
    <message>
        <source>(invalid)</source>
        <translation>(ogiltig)</translation>
    </message>
    <message>
        <source>--create-event and --event cannot be used together</source>
        <translation>--create-event och --event kan inte användas tillsammans</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>{file}: ... and {n} more warnings (see --json)</source>
        <translation>{file}: ... och {n} varningar till (se --json)</translation>
    </message>
    <message>
        <source>{summary} (event {name})</source>
        <translation>{summary} (evenemang {name})</translation>
    </message>
    <message>
        <source>{code}: now {reason}, but already checked in; the check-in stays (see kiosk stats)</source>
        <translation>{code}: nu {reason}, men redan incheckad; incheckningen står kvar (se kiosk stats)</translation>
    </message>
    <message>
        <source>once</source>
        <translation>en gång</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>en gång per dag</translation>
    </message>
    <message>
        <source>every scan</source>
        <translation>varje skanning</translation>
    </message>
    <message>
        <source>in and out</source>
        <translation>in och ut</translation>
    </message>
    <message>
        <source>{n} places</source>
        <translation>{n} platser</translation>
    </message>
    <message>
        <source>badge desk</source>
        <translation>namnbricksdisk</translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation>Incheckningslista</translation>
    </message>
    <message>
        <source>e.g. Workshop A</source>
        <translation>t.ex. Workshop A</translation>
    </message>
    <message>
        <source>every ticket type (or: Delegate, Speaker)</source>
        <translation>alla biljettyper (eller: Delegat, Talare)</translation>
    </message>
    <message>
        <source>every category (or: Law enforcement)</source>
        <translation>alla kategorier (eller: Polis)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ingen gräns</translation>
    </message>
    <message>
        <source>Badge desk: scans print the badge and are not entries</source>
        <translation>Namnbricksdisk: skanningar skriver ut namnbrickan och räknas inte som inpasseringar</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Biljettyper</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Entry rule</source>
        <translation>Inpasseringsregel</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapacitet</translation>
    </message>
    <message>
        <source>Check-in lists — {event}</source>
        <translation>Incheckningslistor — {event}</translation>
    </message>
    <message>
        <source>Check-in lists</source>
        <translation>Incheckningslistor</translation>
    </message>
    <message>
        <source>Show archived lists</source>
        <translation>Visa arkiverade listor</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>Ny lista…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>show or change this station&apos;s and the event&apos;s settings</source>
        <translation>visa eller ändra stationens och evenemangets inställningar</translation>
    </message>
    <message>
        <source>list every setting with its value (and its description with --verbose)</source>
        <translation>lista alla inställningar med värde (och beskrivning med --verbose)</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>maskinläsbar utdata</translation>
    </message>
    <message>
        <source>add each setting&apos;s description</source>
        <translation>lägg till varje inställnings beskrivning</translation>
    </message>
    <message>
        <source>change one setting, e.g. &apos;kiosk config set printing/printer Zebra&apos;</source>
        <translation>ändra en inställning, t.ex. &apos;kiosk config set printing/printer Zebra&apos;</translation>
    </message>
    <message>
        <source>a key from &apos;kiosk config show&apos; (station/name or station.name)</source>
        <translation>en nyckel från &apos;kiosk config show&apos; (station/name eller station.name)</translation>
    </message>
    <message>
        <source>the new value (true/false, a number, text, or NAME=VALUE; NAME=VALUE for tables)</source>
        <translation>det nya värdet (true/false, ett tal, text, eller NAMN=VÄRDE; NAMN=VÄRDE för tabeller)</translation>
    </message>
    <message>
        <source>check versions, database, printers, cameras, fonts and resources (exit 1 when something blocks check-in)</source>
        <translation>kontrollera versioner, databas, skrivare, kameror, typsnitt och resurser (slutstatus 1 när något hindrar incheckning)</translation>
    </message>
    <message>
        <source>skip the printers and cameras</source>
        <translation>hoppa över skrivare och kameror</translation>
    </message>
    <message>
        <source>{n} problem(s): check-in is blocked</source>
        <translation>{n} problem: incheckning är inte möjlig</translation>
    </message>
    <message>
        <source>ready for check-in</source>
        <translation>redo för incheckning</translation>
    </message>
    <message>
        <source>{what}: {percent}%</source>
        <translation>{what}: {percent} %</translation>
    </message>
    <message>
        <source>open the station window (desk, self-service kiosk or dashboard)</source>
        <translation>öppna stationens fönster (disk, självbetjäningskiosk eller översikt)</translation>
    </message>
    <message>
        <source>which screen: desk, self (self-service kiosk), dashboard (default: the station&apos;s setting, else desk)</source>
        <translation>vilken skärm: desk (disk), self (självbetjäningskiosk), dashboard (översikt) (standard: stationens inställning, annars desk)</translation>
    </message>
    <message>
        <source>this station&apos;s name (remembered; asked at the first start otherwise)</source>
        <translation>stationens namn (sparas; annars frågas det efter vid första start)</translation>
    </message>
    <message>
        <source>who staffs the station (remembered)</source>
        <translation>vem som bemannar stationen (sparas)</translation>
    </message>
    <message>
        <source>the check-in list this station decides on (remembered; default: the event&apos;s Entrance)</source>
        <translation>incheckningslistan som stationen beslutar om (sparas; standard: evenemangets Entré)</translation>
    </message>
    <message>
        <source>open each mode off-screen on the current event, render a badge, read its QR code; exit 0 when all pass</source>
        <translation>öppna varje läge utanför skärmen på aktuellt evenemang, rita en namnbricka, läs dess QR-kod; slutstatus 0 när allt går igenom</translation>
    </message>
    <message>
        <source>print the code in a still image or photo (exit 4 when none is found)</source>
        <translation>skriv ut koden i en stillbild eller ett foto (slutstatus 4 när ingen hittas)</translation>
    </message>
    <message>
        <source>{file}: 1 problem in {skipped} of {rows} rows; nothing was imported (fix the file, or use --skip-invalid to import the valid rows)</source>
        <extracomment>[{&quot;line&quot;: n, &quot;ok&quot;: bool, &quot;values&quot;: {field: value}}] for the first rows Tickets blocked (new ones arriving blocked included) and unblocked by this import Blocked by this import though already checked in (the check-in stays): [{code, reason}] True once the transaction committed (never for a dry run or a refused import)</extracomment>
        <translation>{file}: 1 problem på {skipped} av {rows} rader; ingenting importerades (rätta filen, eller använd --skip-invalid för att importera de giltiga raderna)</translation>
    </message>
    <message>
        <source>{file}: {n} problems in {skipped} of {rows} rows; nothing was imported (fix the file, or use --skip-invalid to import the valid rows)</source>
        <translation>{file}: {n} problem på {skipped} av {rows} rader; ingenting importerades (rätta filen, eller använd --skip-invalid för att importera de giltiga raderna)</translation>
    </message>
    <message>
        <source>; would block {blocked}, unblock {unblocked}</source>
        <translation>; skulle spärra {blocked}, häva spärren för {unblocked}</translation>
    </message>
    <message>
        <source>{file}: dry run, nothing written; would have added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped}</source>
        <translation>{file}: provkörning, ingenting skrivet; skulle ha lagt till {added}, uppdaterat {updated}, oförändrade {unchanged}, överhoppade {skipped}</translation>
    </message>
    <message>
        <source>; blocked {blocked}, unblocked {unblocked}</source>
        <translation>; spärrade {blocked}, hävde spärren för {unblocked}</translation>
    </message>
    <message>
        <source>{file}: added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped}</source>
        <translation>{file}: tillagda {added}, uppdaterade {updated}, oförändrade {unchanged}, överhoppade {skipped}</translation>
    </message>
    <message>
        <source>cannot load: {error}</source>
        <translation>kan inte läsas in: {error}</translation>
    </message>
    <message>
        <source>cannot load: {error} (only PostgreSQL needs it)</source>
        <translation>kan inte läsas in: {error} (behövs bara för PostgreSQL)</translation>
    </message>
    <message>
        <source>yes: {folder}</source>
        <translation>ja: {folder}</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>not writable: {error}</source>
        <translation>inte skrivbar: {error}</translation>
    </message>
    <message>
        <source>not a database URL</source>
        <translation>inte en databas-URL</translation>
    </message>
    <message>
        <source>no database file yet: it is created at the first start</source>
        <translation>ingen databasfil ännu: den skapas vid första start</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>current ({revision})</source>
        <translation>aktuellt ({revision})</translation>
    </message>
    <message>
        <source>empty: it is set up at the first start (newest {revision})</source>
        <translation>tomt: det sätts upp vid första start (senaste {revision})</translation>
    </message>
    <message>
        <source>{current}, upgraded to {revision} at the next start</source>
        <translation>{current}, uppgraderas till {revision} vid nästa start</translation>
    </message>
    <message>
        <source>{current} is unknown to this version (newest {revision}): a newer kiosk made it</source>
        <translation>{current} är okänt för den här versionen (senaste {revision}): en nyare kiosk har skapat det</translation>
    </message>
    <message>
        <source>none yet: create one (or `kiosk demo`)</source>
        <translation>inga ännu: skapa ett (eller `kiosk demo`)</translation>
    </message>
    <message>
        <source>cannot list printers: {error}</source>
        <translation>kan inte lista skrivare: {error}</translation>
    </message>
    <message>
        <source>none installed: badges stay queued (or print to pdf:FILE)</source>
        <translation>inga installerade: namnbrickor blir kvar i kön (eller skriv till pdf:FIL)</translation>
    </message>
    <message>
        <source>{state}, default</source>
        <translation>{state}, standard</translation>
    </message>
    <message>
        <source>no system default: choose a printer in the settings</source>
        <translation>ingen standardskrivare i systemet: välj en skrivare i inställningarna</translation>
    </message>
    <message>
        <source>cannot list cameras: {error}</source>
        <translation>kan inte lista kameror: {error}</translation>
    </message>
    <message>
        <source>Qt multimedia (FFmpeg)</source>
        <translation>Qt multimedia (FFmpeg)</translation>
    </message>
    <message>
        <source>Qt has no multimedia backend: cameras cannot scan</source>
        <translation>Qt saknar multimediastöd: kameror kan inte skanna</translation>
    </message>
    <message>
        <source>none found: scan with a USB scanner or search by name</source>
        <translation>inga hittades: skanna med en USB-skanner eller sök på namn</translation>
    </message>
    <message>
        <source>available</source>
        <translation>tillgänglig</translation>
    </message>
    <message>
        <source>no fonts in {folder}: badges cannot be drawn</source>
        <extracomment>Letters a badge must be able to show: Nordic, Polish, Hungarian, German, Greek, Cyrillic.</extracomment>
        <translation>inga typsnitt i {folder}: namnbrickor kan inte ritas</translation>
    </message>
    <message>
        <source>does not load: {error}</source>
        <translation>kan inte läsas in: {error}</translation>
    </message>
    <message>
        <source>cannot draw {letters}</source>
        <translation>kan inte rita {letters}</translation>
    </message>
    <message>
        <source>loads; covers å ł ő ß, Greek and Cyrillic</source>
        <translation>läses in; täcker å ł ő ß, grekiska och kyrilliska</translation>
    </message>
    <message>
        <source>{problem} (skipped)</source>
        <translation>{problem} (överhoppad)</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>inga hittades</translation>
    </message>
    <message>
        <source>{sound} (empty)</source>
        <translation>{sound} (tom)</translation>
    </message>
    <message>
        <source>missing or unreadable: {sounds} (results stay silent)</source>
        <translation>saknas eller går inte att läsa: {sounds} (resultaten hörs inte)</translation>
    </message>
    <message>
        <source>none found: the app speaks English only</source>
        <translation>inga hittades: appen talar bara engelska</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>nothing drawn</source>
        <extracomment>What the off-screen platform says about window-manager features it lacks.</extracomment>
        <translation>ingenting ritat</translation>
    </message>
    <message>
        <source>{size}, blank</source>
        <translation>{size}, tomt</translation>
    </message>
    <message>
        <source>attendees indexed</source>
        <translation>deltagare indexerade</translation>
    </message>
    <message>
        <source>kiosk assembly</source>
        <translation>kioskens uppsättning</translation>
    </message>
    <message>
        <source>no staff PIN: window without the kiosk lock</source>
        <translation>ingen personal-PIN: fönster utan kiosklås</translation>
    </message>
    <message>
        <source>figures shown</source>
        <translation>siffror visas</translation>
    </message>
    <message>
        <source>not ready within {n} s</source>
        <translation>inte klar inom {n} s</translation>
    </message>
    <message>
        <source>; Qt said {n} thing(s), first: {message}</source>
        <translation>; Qt rapporterade {n} sak(er), först: {message}</translation>
    </message>
    <message>
        <source>Qt found no multimedia backend: camera scanning cannot work</source>
        <translation>Qt hittade inget multimediastöd: kameraskanning kan inte fungera</translation>
    </message>
    <message>
        <source>Qt multimedia backend loads ({n} formats)</source>
        <translation>Qt:s multimediastöd läses in ({n} format)</translation>
    </message>
    <message>
        <source>the event {name} has no attendee with a code</source>
        <translation>evenemanget {name} har ingen deltagare med kod</translation>
    </message>
    <message>
        <source>template {template}: QR code read back as {codes}, expected {code}</source>
        <translation>mall {template}: QR-koden lästes som {codes}, väntade {code}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
    <message>
        <source>template {template}, {width}x{height} px, QR code reads {code}</source>
        <translation>mall {template}, {width}x{height} px, QR-koden läses som {code}</translation>
    </message>
    <message>
        <source>{url}, event {name}</source>
        <translation>{url}, evenemang {name}</translation>
    </message>
    <message>
        <source>the self-test does not know this mode</source>
        <translation>självtestet känner inte till det här läget</translation>
    </message>
    <message>
        <source>self-test: {passed} of {total} checks passed</source>
        <translation>självtest: {passed} av {total} kontroller godkända</translation>
    </message>
    <message>
        <source>Clear: {name}</source>
        <translation>Töm: {name}</translation>
    </message>
    <message>
        <source>Choices: {name}</source>
        <translation>Val: {name}</translation>
    </message>
    <message>
        <source>More: {name}</source>
        <translation>Mer: {name}</translation>
    </message>
    <message>
        <source>This station works on its own database file; sync is for stations on a PostgreSQL hub</source>
        <translation>Den här stationen arbetar med en egen databasfil; synk är för stationer mot en PostgreSQL-hubb</translation>
    </message>
    <message>
        <source>This station has no replica of the hub yet: run &apos;kiosk sync now&apos; or &apos;kiosk run&apos; while the hub answers</source>
        <translation>Den här stationen har ingen kopia av hubben än: kör &apos;kiosk sync now&apos; eller &apos;kiosk run&apos; medan hubben svarar</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>FRÅNKOPPLAD</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Läge: {state}</translation>
    </message>
    <message>
        <source>Waiting for the hub: {n}</source>
        <translation>Väntar på hubben: {n}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Senaste synk: {when}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Senaste fel: {error}</translation>
    </message>
    <message>
        <source>the hub does not answer</source>
        <translation>hubben svarar inte</translation>
    </message>
    <message>
        <source>Cannot reach the hub: {reason}</source>
        <translation>Når inte hubben: {reason}</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}; {n} waiting</source>
        <translation>Skickade {pushed}, tog emot {pulled}; {n} väntar</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>Inga konflikter</translation>
    </message>
    <message>
        <source>{when}  double entry made offline: {who} at {station}, already in at {other} ({other_at})</source>
        <translation>{when}  dubbel incheckning i frånkopplat läge: {who} vid {station}, redan inne vid {other} ({other_at})</translation>
    </message>
    <message>
        <source>{when}  edit at two stations: {who}, {field} kept &apos;{kept}&apos;, lost &apos;{lost}&apos; ({station})</source>
        <translation>{when}  ändrad vid två stationer: {who}, {field} behöll &apos;{kept}&apos;, förlorade &apos;{lost}&apos; ({station})</translation>
    </message>
</context>
<context>
    <name>AttendeePanel</name>
    <message>
        <source>Scan a ticket, or type a name and press Enter.</source>
        <translation>Skanna en biljett, eller skriv ett namn och tryck Enter.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>drop-in</translation>
    </message>
    <message>
        <source>Badge: {level} (event rule for {rule})</source>
        <translation>Badge: {level} (evenemangets regel för {rule})</translation>
    </message>
    <message>
        <source>Badge: {level} (own setting)</source>
        <translation>Badge: {level} (egen inställning)</translation>
    </message>
    <message>
        <source>Badge: {level}</source>
        <translation>Badge: {level}</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>SPÄRRAD</translation>
    </message>
    <message>
        <source>Checked in since {time}</source>
        <translation>Incheckad sedan {time}</translation>
    </message>
    <message>
        <source>Checked in, has left</source>
        <translation>Incheckad, har gått</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Inte incheckad</translation>
    </message>
    <message numerus="yes">
        <source>Badge printed {when}, %n time(s)</source>
        <translation>
            <numerusform>Namnbricka utskriven {when}, %n gång</numerusform>
            <numerusform>Namnbricka utskriven {when}, %n gånger</numerusform>
        </translation>
    </message>
    <message>
        <source>Badge not printed yet</source>
        <translation>Namnbrickan är inte utskriven än</translation>
    </message>
    <message>
        <source>({n} waiting in the print queue)</source>
        <translation>({n} väntar i utskriftskön)</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ut</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Ångrad</translation>
    </message>
    <message>
        <source>DOUBLE ENTRY made offline</source>
        <translation>DUBBEL INCHECKNING i frånkopplat läge</translation>
    </message>
    <message>
        <source>No check-ins yet</source>
        <translation>Inga incheckningar än</translation>
    </message>
    <message>
        <source>BLOCKED: {reason}</source>
        <translation>SPÄRRAD: {reason}</translation>
    </message>
    <message>
        <source>Blocked after check-in: the check-in stays. Talk to the organiser.</source>
        <translation>Spärrad efter incheckning: incheckningen står kvar. Prata med arrangören.</translation>
    </message>
</context>
<context>
    <name>AttendeeTable</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Biljett</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckad</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Har gått</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>Inte anländ</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera found. Scanning with a USB scanner and searching still work.</source>
        <extracomment>The camera to pick first, by its name (the station setting camera/device; empty: the first).</extracomment>
        <translation>Ingen kamera hittades. Skanning med USB-skanner och sökning fungerar ändå.</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <source>No camera found</source>
        <extracomment>Formats whose luminance is in plane 0: (bytes between pixels, offset of the Y byte). Human-readable trouble: no camera, camera busy, permission denied.</extracomment>
        <translation>Ingen kamera hittades</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Expected</source>
        <translation>Väntade</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckade</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>På plats nu</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Inte anlända än</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>Arrivals, last 15 min</source>
        <translation>Ankomster, senaste 15 min</translation>
    </message>
    <message>
        <source>By ticket type</source>
        <translation>Per biljettyp</translation>
    </message>
    <message>
        <source>Dashboard — {event} — {n} checked in</source>
        <translation>Översikt — {event} — {n} incheckade</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Uppdaterad {time}</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>tyst</translation>
    </message>
    <message>
        <source>Checked in by sector (category)</source>
        <translation>Incheckade per sektor (kategori)</translation>
    </message>
    <message>
        <source>By sector: no category set (import one with --map COLUMN=category)</source>
        <translation>Per sektor: ingen kategori angiven (importera en med --map KOLUMN=category)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>sending {n}</source>
        <translation>skickar {n}</translation>
    </message>
    <message>
        <source>OFFLINE · {n} waiting</source>
        <translation>FRÅNKOPPLAD · {n} väntar</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>FRÅNKOPPLAD</translation>
    </message>
    <message>
        <source>Database unreachable: {message} (figures may be old)</source>
        <translation>Databasen går inte att nå: {message} (siffrorna kan vara gamla)</translation>
    </message>
    <message>
        <source>Database unreachable (figures may be old)</source>
        <translation>Databasen går inte att nå (siffrorna kan vara gamla)</translation>
    </message>
    <message>
        <source>Snapshot saved: {png} and {csv}</source>
        <translation>Ögonblicksbild sparad: {png} och {csv}</translation>
    </message>
    <message>
        <source>Dashboard — {event}</source>
        <translation>Översikt — {event}</translation>
    </message>
    <message>
        <source>Presentation mode (F11)</source>
        <translation>Presentationsläge (F11)</translation>
    </message>
    <message>
        <source>Export snapshot (Ctrl+E)</source>
        <translation>Exportera ögonblicksbild (Ctrl+E)</translation>
    </message>
    <message>
        <source>Last 20 check-ins</source>
        <translation>Senaste 20 incheckningarna</translation>
    </message>
    <message>
        <source>Arrivals and groups</source>
        <translation>Ankomster och grupper</translation>
    </message>
    <message>
        <source>Rooms: check-in lists</source>
        <translation>Rum: incheckningslistor</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>Check-ins in the last 15 minutes</source>
        <translation>Incheckningar de senaste 15 minuterna</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Stations: hub link, printer, queue, check-ins</source>
        <translation>Stationer: länk till navet, skrivare, kö, incheckningar</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Hub link</source>
        <translation>Hubbanslutning</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Senast sedd</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Check-in desk — {event}</source>
        <translation>Incheckningsdisk — {event}</translation>
    </message>
    <message>
        <source>Search or scan</source>
        <translation>Sök eller skanna</translation>
    </message>
    <message>
        <source>Attendees found</source>
        <translation>Hittade deltagare</translation>
    </message>
    <message>
        <source>Check-in history</source>
        <translation>Incheckningshistorik</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>The hub cannot be reached: this desk goes on checking people in on its own copy, and sends everything when the hub is back. Until then a guest could be let in twice at two stations; such double entries are listed afterwards.</source>
        <translation>Hubben går inte att nå: den här disken fortsätter checka in på sin egen kopia och skickar allt när hubben är tillbaka. Till dess kan en gäst släppas in två gånger vid två stationer; sådana dubbla incheckningar listas efteråt.</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>Checka in (Enter)</translation>
    </message>
    <message>
        <source>Undo… (F8)</source>
        <translation>Ångra… (F8)</translation>
    </message>
    <message>
        <source>Print / reprint (F5)</source>
        <translation>Skriv ut namnbricka (F5)</translation>
    </message>
    <message>
        <source>Exit (F6)</source>
        <translation>Utpassering (F6)</translation>
    </message>
    <message>
        <source>Edit… (F2)</source>
        <translation>Ändra… (F2)</translation>
    </message>
    <message>
        <source>Walk-in… (F3)</source>
        <translation>Drop-in… (F3)</translation>
    </message>
    <message>
        <source>Scans record exits (F7)</source>
        <translation>Skanning registrerar utpassering (F7)</translation>
    </message>
    <message>
        <source>Camera (F9)</source>
        <translation>Kamera (F9)</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>Actions for: {name}</source>
        <translation>Åtgärder för: {name}</translation>
    </message>
    <message>
        <source>EXIT MODE: each scan records that the person left (F7 to switch back)</source>
        <translation>UTPASSERINGSLÄGE: varje skanning registrerar att personen gick (F7 för att byta tillbaka)</translation>
    </message>
    <message>
        <source>EXIT MODE: scan or type a name…</source>
        <translation>UTPASSERING: skanna eller sök…</translation>
    </message>
    <message>
        <source>Exit mode</source>
        <translation>Utpasseringsläge</translation>
    </message>
    <message>
        <source>Each scan records that the person left (F7 to switch back)</source>
        <translation>Varje skanning registrerar att personen gick (F7 för att byta tillbaka)</translation>
    </message>
    <message>
        <source>Scan a ticket or type a name…</source>
        <translation>Skanna eller skriv ett namn…</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Redo att skanna</translation>
    </message>
    <message>
        <source>Ready to scan: {list}</source>
        <translation>Redo att skanna: {list}</translation>
    </message>
    <message>
        <source>Scan a ticket anywhere, or type a name to search</source>
        <translation>Skanna en biljett var som helst, eller skriv ett namn för att söka</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <source>That email address does not match. Tries left: {n}</source>
        <translation>E-postadressen stämmer inte. Försök kvar: {n}</translation>
    </message>
    <message>
        <source>Is this you?</source>
        <translation>Är det här du?</translation>
    </message>
    <message>
        <source>To check in, type the email address you registered with.</source>
        <translation>Skriv e-postadressen du anmälde dig med för att checka in.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>namn@exempel.se</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Back to the name list</source>
        <translation>Tillbaka till namnlistan</translation>
    </message>
</context>
<context>
    <name>FilterRow</name>
    <message>
        <source>Show:</source>
        <extracomment>Text colours of the &quot;last results&quot; lines, dark enough to read on white.</extracomment>
        <translation>Visa:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>Inte anlända</translation>
    </message>
    <message>
        <source>VIPs not arrived</source>
        <translation>VIP-gäster som inte anlänt</translation>
    </message>
    <message>
        <source>Speakers not arrived</source>
        <translation>Talare som inte anlänt</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>first name</source>
        <translation>förnamn</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>efternamn</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>fullständigt namn</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>befattning</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <source>ticket type</source>
        <translation>biljettyp</translation>
    </message>
    <message>
        <source>ticket code</source>
        <translation>biljettkod</translation>
    </message>
    <message>
        <source>external reference</source>
        <translation>extern referens</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>ordernummer</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 med BOM</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows Latin-1 (CP1252)</source>
        <translation>Windows Latin-1 (CP1252)</translation>
    </message>
    <message>
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabb</translation>
    </message>
    <message>
        <source>XLSX workbook</source>
        <translation>XLSX-arbetsbok</translation>
    </message>
    <message>
        <source>CSV ({separator}-separated, {encoding})</source>
        <translation>CSV ({separator}separerad, {encoding})</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>has {count} fields, the header has {width}</source>
        <translation>har {count} fält, rubrikraden har {width}</translation>
    </message>
    <message>
        <source>is {n} characters long (at most {limit})</source>
        <translation>är {n} tecken lång (högst {limit})</translation>
    </message>
    <message>
        <source>is {n} characters long (at most {limit}); not kept</source>
        <translation>är {n} tecken lång (högst {limit}); sparas inte</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>contains a NUL byte</source>
        <translation>innehåller ett NUL-tecken</translation>
    </message>
    <message>
        <source>contains a NUL byte; not kept</source>
        <translation>innehåller ett NUL-tecken; sparas inte</translation>
    </message>
    <message>
        <source>{email} is not a valid email address</source>
        <translation>{email} är inte en giltig e-postadress</translation>
    </message>
    <message>
        <source>{code} is already used on line {line}</source>
        <translation>{code} används redan på rad {line}</translation>
    </message>
    <message>
        <source>also on line {line} (one buyer on several tickets is fine)</source>
        <translation>finns även på rad {line} (en köpare med flera biljetter går bra)</translation>
    </message>
    <message>
        <source>{value} is not a badge privacy (full, first name only, no organisation, yes or no)</source>
        <translation>{value} är ingen integritetsnivå för namnbrickan (fullt namn, bara förnamn, utan organisation, ja eller nej)</translation>
    </message>
    <message>
        <source>{value} is not a status the kiosk knows; the ticket stays active</source>
        <translation>{value} är en status som kiosken inte känner till; biljetten förblir giltig</translation>
    </message>
    <message>
        <source>{value} is not yes or no; read as no</source>
        <translation>{value} är varken ja eller nej; läses som nej</translation>
    </message>
    <message>
        <source>collides with a code generated for another row</source>
        <translation>krockar med en kod som skapats för en annan rad</translation>
    </message>
    <message>
        <source>is the same attendee as line {line}</source>
        <translation>är samma deltagare som på rad {line}</translation>
    </message>
    <message>
        <source>changed at a station to {station} and in the file to {file}; the file&apos;s value is used</source>
        <translation>ändrades vid en station till {station} och i filen till {file}; filens värde används</translation>
    </message>
    <message>
        <source>no name column found (columns: {columns}); name one with --map COLUMN=first_name (or last_name, full_name)</source>
        <translation>ingen namnkolumn hittades (kolumner: {columns}); ange en med --map KOLUMN=first_name (eller last_name, full_name)</translation>
    </message>
    <message>
        <source>the file has a header row but no attendees</source>
        <translation>filen har en rubrikrad men inga deltagare</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>sökvägen är tom</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>filen finns inte</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>går inte att läsa ({reason})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>filen är tom</translation>
    </message>
    <message>
        <source>this is {what}, not a CSV or XLSX attendee list</source>
        <translation>det här är {what}, inte en deltagarlista i CSV eller XLSX</translation>
    </message>
    <message>
        <source>this looks like binary data, not a CSV or XLSX attendee list</source>
        <translation>det här ser ut som binärdata, inte en deltagarlista i CSV eller XLSX</translation>
    </message>
    <message>
        <source>the text is neither UTF-8, UTF-16 nor Windows-1252; save it as UTF-8 CSV</source>
        <translation>texten är varken UTF-8, UTF-16 eller Windows-1252; spara den som CSV i UTF-8</translation>
    </message>
    <message>
        <source>the text is not valid {encoding}</source>
        <translation>texten är inte giltig {encoding}</translation>
    </message>
    <message>
        <source>the file starts like UTF-8 but is not valid UTF-8</source>
        <translation>filen börjar som UTF-8 men är inte giltig UTF-8</translation>
    </message>
    <message>
        <source>the file has no header row (it is blank)</source>
        <translation>filen har ingen rubrikrad (den är tom)</translation>
    </message>
    <message>
        <source>a quote opened on this line swallows lines {start}-{end}, which look like rows of their own; is a closing quote missing?</source>
        <translation>ett citattecken som öppnas på den här raden slukar raderna {start}-{end}, som ser ut som egna rader; saknas ett avslutande citattecken?</translation>
    </message>
    <message>
        <source>a quote opened on this line is never closed (it runs to the end of the file, line {line})</source>
        <translation>ett citattecken som öppnas på den här raden stängs aldrig (det löper till filens slut, rad {line})</translation>
    </message>
    <message>
        <source>a quote opened on this line is closed on line {line} and followed by more text; is a closing quote missing?</source>
        <translation>ett citattecken som öppnas på den här raden stängs på rad {line} och följs av mer text; saknas ett avslutande citattecken?</translation>
    </message>
    <message>
        <source>text after a closing quote; put the whole field in quotes and double any quote inside it (&quot;&quot;)</source>
        <translation>text efter ett avslutande citattecken; sätt hela fältet inom citattecken och dubbla varje citattecken i det (&quot;&quot;)</translation>
    </message>
    <message>
        <source>a field is longer than {n} MB; is a closing quote missing?</source>
        <translation>ett fält är längre än {n} MB; saknas ett avslutande citattecken?</translation>
    </message>
    <message>
        <source>the CSV cannot be read ({reason})</source>
        <translation>CSV-filen går inte att läsa ({reason})</translation>
    </message>
    <message>
        <source>this is a zip file but not a readable XLSX workbook ({reason})</source>
        <translation>det här är en zip-fil men ingen läsbar XLSX-arbetsbok ({reason})</translation>
    </message>
    <message>
        <source>the workbook&apos;s part {part} unpacks to {size} (at most {most}); save the list as CSV</source>
        <translation>arbetsbokens del {part} packas upp till {size} (högst {most}); spara listan som CSV</translation>
    </message>
    <message>
        <source>a cell holds {count} characters (a spreadsheet cell holds at most {most})</source>
        <translation>en cell innehåller {count} tecken (en kalkylbladscell rymmer högst {most})</translation>
    </message>
    <message>
        <source>the workbook&apos;s first sheet is empty</source>
        <translation>arbetsbokens första blad är tomt</translation>
    </message>
    <message>
        <source>no room for the import&apos;s temporary file ({reason}); nothing was imported: free some disk space, or set TMPDIR to a folder with room</source>
        <translation>inget utrymme för importens tillfälliga fil ({reason}); ingenting importerades: frigör diskutrymme, eller sätt TMPDIR till en mapp med plats</translation>
    </message>
    <message>
        <source>--map {item}: write it as COLUMN=FIELD, e.g. --map &apos;E-post=email&apos;</source>
        <translation>--map {item}: skriv det som KOLUMN=FÄLT, t.ex. --map &apos;E-post=email&apos;</translation>
    </message>
    <message>
        <source>--map {column}={key}: unknown field; use one of {keys} or ignore</source>
        <translation>--map {column}={key}: okänt fält; använd något av {keys} eller ignore</translation>
    </message>
    <message>
        <source>--map {column}={key}: no column {name} in the file (columns: {columns})</source>
        <translation>--map {column}={key}: ingen kolumn {name} i filen (kolumner: {columns})</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <extracomment>What a binary file turned out to be (``reading._BINARY_MAGIC``).</extracomment>
        <translation>ett PDF-dokument</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>en PNG-bild</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>en JPEG-bild</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>en GIF-bild</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>ett gzip-arkiv</translation>
    </message>
    <message>
        <source>an old Excel .xls (or other Office 97) file; save it as .xlsx or CSV</source>
        <translation>en gammal Excel-fil .xls (eller annan Office 97-fil); spara den som .xlsx eller CSV</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>ett 7-Zip-arkiv</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>ett RAR-arkiv</translation>
    </message>
</context>
<context>
    <name>ImportProblemField</name>
    <message>
        <source>row</source>
        <extracomment>The fields a problem names, as a person reads them (English shows the key itself, as ``--map`` and ``--json`` write it). A column not here (a registration answer&apos;s header) is shown as the file has it.</extracomment>
        <translation>rad</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>first_name</source>
        <translation>förnamn</translation>
    </message>
    <message>
        <source>last_name</source>
        <translation>efternamn</translation>
    </message>
    <message>
        <source>full_name</source>
        <translation>fullständigt namn</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>job_title</source>
        <translation>befattning</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <source>ticket_type</source>
        <translation>biljettyp</translation>
    </message>
    <message>
        <source>code</source>
        <translation>biljettkod</translation>
    </message>
    <message>
        <source>external_ref</source>
        <translation>extern referens</translation>
    </message>
    <message>
        <source>order_ref</source>
        <translation>ordernummer</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>order_status</source>
        <translation>orderstatus</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbokad</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>återbetald</translation>
    </message>
    <message>
        <source>privacy</source>
        <translation>integritet på namnbrickan</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>This is me: {who}</source>
        <translation>Det här är jag: {who}</translation>
    </message>
    <message>
        <source>Place for a name, empty</source>
        <translation>Plats för ett namn, tom</translation>
    </message>
    <message>
        <source>Too many searches just now. Please wait a moment, or see the desk.</source>
        <translation>För många sökningar just nu. Vänta en stund, eller gå till disken.</translation>
    </message>
    <message>
        <source>Type at least three letters of your surname.</source>
        <translation>Skriv minst tre bokstäver av ditt efternamn.</translation>
    </message>
    <message>
        <source>No match. Check the spelling, or please see the desk.</source>
        <translation>Ingen träff. Kontrollera stavningen eller gå till informationsdisken.</translation>
    </message>
    <message>
        <source>Tap your name, or type more letters.</source>
        <translation>Tryck på ditt namn eller skriv fler bokstäver.</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Tryck på ditt namn.</translation>
    </message>
    <message>
        <source>Type your surname</source>
        <translation>Skriv ditt efternamn</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Tillbaka till början</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>No event named {name} in {url}</source>
        <translation>Inget evenemang med namnet {name} i {url}</translation>
    </message>
    <message>
        <source>No event in {url} yet: run &apos;kiosk demo&apos; or create one</source>
        <translation>Inget evenemang i {url} än: kör &apos;kiosk demo&apos; eller skapa ett</translation>
    </message>
    <message>
        <source>No event with id {id}</source>
        <translation>Inget evenemang med id {id}</translation>
    </message>
    <message>
        <source>An event needs a name</source>
        <translation>Ett evenemang behöver ett namn</translation>
    </message>
    <message>
        <source>An event name has at most 200 characters</source>
        <translation>Ett evenemangsnamn har högst 200 tecken</translation>
    </message>
    <message>
        <source>An event cannot end before it starts</source>
        <translation>Ett evenemang kan inte sluta innan det börjar</translation>
    </message>
    <message>
        <source>An event named {name} already exists</source>
        <translation>Det finns redan ett evenemang med namnet {name}</translation>
    </message>
    <message>
        <source>Unknown time zone {name} (use a name like Europe/Stockholm)</source>
        <translation>Okänd tidszon {name} (använd ett namn som Europe/Stockholm)</translation>
    </message>
    <message>
        <source>--date {text}: not a date; write it as YYYY-MM-DD, e.g. 2026-05-20</source>
        <translation>--date {text}: inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-05-20</translation>
    </message>
    <message>
        <source>{option} {text}: not a time; write it as HH:MM, e.g. 08:30</source>
        <translation>{option} {text}: ingen tid; skriv den som TT:MM, t.ex. 08:30</translation>
    </message>
    <message>
        <source>--end {end}: the event must end after it starts ({start})</source>
        <translation>--end {end}: evenemanget måste sluta efter att det börjar ({start})</translation>
    </message>
    <message>
        <source>Cannot reach database {url}: {reason}</source>
        <translation>Kan inte nå databasen {url}: {reason}</translation>
    </message>
    <message>
        <source>Invalid database URL: {url}</source>
        <translation>Ogiltig databas-URL: {url}</translation>
    </message>
    <message>
        <source>Unsupported database {url}: use sqlite:/// or postgresql+psycopg://</source>
        <translation>Databasen {url} stöds inte: använd sqlite:/// eller postgresql+psycopg://</translation>
    </message>
    <message>
        <source>No attendee with id {id}</source>
        <translation>Ingen deltagare med id {id}</translation>
    </message>
    <message>
        <source>No attendee with code {code} in {event}</source>
        <translation>Ingen deltagare med koden {code} i {event}</translation>
    </message>
    <message>
        <source>Cannot edit {fields}</source>
        <translation>Kan inte ändra {fields}</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>{field} saknas</translation>
    </message>
    <message>
        <source>{field} contains a NUL byte</source>
        <translation>{field} innehåller ett NUL-tecken</translation>
    </message>
    <message>
        <source>{field} is {n} characters long (at most {limit})</source>
        <translation>{field} är {n} tecken lång (högst {limit})</translation>
    </message>
    <message>
        <source>{field} {email} is not a valid email address</source>
        <translation>{field}: {email} är inte en giltig e-postadress</translation>
    </message>
    <message>
        <source>{field} must be one of {allowed}</source>
        <translation>{field} måste vara en av {allowed}</translation>
    </message>
    <message>
        <source>an annulment needs a reason</source>
        <translation>en ångrad incheckning behöver en anledning</translation>
    </message>
    <message>
        <source>A PIN is made of digits only</source>
        <translation>En PIN består bara av siffror</translation>
    </message>
    <message>
        <source>A PIN has {low} to {high} digits</source>
        <translation>En PIN har {low} till {high} siffror</translation>
    </message>
    <message>
        <source>event {names} is past its retention period; run &apos;kiosk purge --expired&apos;</source>
        <translation>evenemanget {names} har passerat sin lagringstid; kör &apos;kiosk purge --expired&apos;</translation>
    </message>
    <message>
        <source>{n} events are past their retention period; run &apos;kiosk purge --expired&apos;</source>
        <translation>{n} evenemang har passerat sin lagringstid; kör &apos;kiosk purge --expired&apos;</translation>
    </message>
    <message>
        <source>No printer chosen and the system has no default printer</source>
        <translation>Ingen skrivare vald och systemet har ingen standardskrivare</translation>
    </message>
    <message>
        <source>Printer {name} not found (is it switched on and installed?)</source>
        <translation>Skrivaren {name} hittades inte (är den påslagen och installerad?)</translation>
    </message>
    <message>
        <source>Printer {name} is {state} (out of paper or labels, or paused?)</source>
        <translation>Skrivaren {name} är {state} (slut på papper eller etiketter, eller pausad?)</translation>
    </message>
    <message>
        <source>Printer {name} refused the job</source>
        <translation>Skrivaren {name} vägrade ta emot jobbet</translation>
    </message>
    <message>
        <source>Printer {name} did not take the job</source>
        <translation>Skrivaren {name} tog inte emot jobbet</translation>
    </message>
    <message>
        <source>Print queue unavailable: the database cannot be reached (badges wait in the queue)</source>
        <translation>Utskriftskön är inte tillgänglig: databasen går inte att nå (namnbrickorna väntar i kön)</translation>
    </message>
    <message>
        <source>Print queue unavailable: see the log for details (badges wait in the queue)</source>
        <translation>Utskriftskön är inte tillgänglig: se loggen för detaljer (namnbrickorna väntar i kön)</translation>
    </message>
    <message>
        <source>{printer}: ready, {n} waiting</source>
        <translation>{printer}: redo, {n} väntar</translation>
    </message>
    <message>
        <source>{printer}: ready</source>
        <translation>{printer}: redo</translation>
    </message>
    <message>
        <source>{error} ({n} waiting)</source>
        <translation>{error} ({n} väntar)</translation>
    </message>
    <message>
        <source>No badge template named {name} (known: {known})</source>
        <translation>Ingen namnbricksmall med namnet {name} (kända: {known})</translation>
    </message>
    <message>
        <source>Unknown format {name}; use csv or xlsx</source>
        <translation>Okänt format {name}; använd csv eller xlsx</translation>
    </message>
    <message>
        <source>The database {db} is damaged ({problem}): restore a backup with &apos;kiosk db restore FILE&apos;</source>
        <translation>Databasen {db} är skadad ({problem}): återställ en säkerhetskopia med &apos;kiosk db restore FIL&apos;</translation>
    </message>
    <message>
        <source>A station has the database {db} open: close every station window using it, then restore</source>
        <translation>En station har databasen {db} öppen: stäng alla stationsfönster som använder den och återställ sedan</translation>
    </message>
    <message>
        <source>The database {db} is being restored from a backup: start the station again when it is done</source>
        <translation>Databasen {db} återställs från en säkerhetskopia: starta stationen igen när det är klart</translation>
    </message>
    <message>
        <source>{file} is a file of the database in use: choose another file</source>
        <translation>{file} är en fil i databasen som används: välj en annan fil</translation>
    </message>
    <message>
        <source>{file} is the database itself: choose another file</source>
        <translation>{file} är själva databasen: välj en annan fil</translation>
    </message>
    <message>
        <source>{file} is the database itself: choose a backup file</source>
        <translation>{file} är själva databasen: välj en säkerhetskopia</translation>
    </message>
    <message>
        <source>{file} already exists: choose a new file name</source>
        <translation>{file} finns redan: välj ett nytt filnamn</translation>
    </message>
    <message>
        <source>No backup file {file}</source>
        <translation>Ingen säkerhetskopia {file}</translation>
    </message>
    <message>
        <source>{file} is damaged ({problem}): choose another backup</source>
        <translation>{file} är skadad ({problem}): välj en annan säkerhetskopia</translation>
    </message>
    <message>
        <source>{file} is not a kiosk database</source>
        <translation>{file} är ingen kiosk-databas</translation>
    </message>
    <message>
        <source>kiosk db {command} works on a SQLite file; for {url} use pg_dump and pg_restore</source>
        <translation>kiosk db {command} fungerar på en SQLite-fil; för {url}, använd pg_dump och pg_restore</translation>
    </message>
    <message>
        <source>No database file {db}</source>
        <translation>Ingen databasfil {db}</translation>
    </message>
    <message>
        <source>Cannot open {db}: {reason}</source>
        <translation>Kan inte öppna {db}: {reason}</translation>
    </message>
    <message>
        <source>Backup to {file} failed: {reason}</source>
        <translation>Säkerhetskopieringen till {file} misslyckades: {reason}</translation>
    </message>
    <message>
        <source>Restoring {file} into {db} failed: {reason}</source>
        <translation>Återställningen av {file} till {db} misslyckades: {reason}</translation>
    </message>
    <message>
        <source>The restored database is damaged: {problem}</source>
        <translation>Den återställda databasen är skadad: {problem}</translation>
    </message>
    <message>
        <source>The copy of the database is damaged: {problem}</source>
        <translation>Kopian av databasen är skadad: {problem}</translation>
    </message>
    <message>
        <source>First name</source>
        <extracomment>Attendee fields as core names them in validation messages.</extracomment>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Biljettyp</translation>
    </message>
    <message>
        <source>Badge privacy</source>
        <translation>Integritet på namnbrickan</translation>
    </message>
    <message>
        <source>Staff notes</source>
        <translation>Anteckningar för personalen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Markeringar</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>default printer</source>
        <extracomment>Words inside statuses that are values rather than names.</extracomment>
        <translation>standardskrivaren</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>stopped or in error</source>
        <translation>stoppad eller i felläge</translation>
    </message>
    <message>
        <source>refunded</source>
        <extracomment>Why an import blocked a ticket (``kiosk.core.importing.status.REASONS``).</extracomment>
        <translation>återbetald</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbokad</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>obetald</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>varning: </translation>
    </message>
</context>
<context>
    <name>NotArrivedPanel</name>
    <message>
        <source>Speaker</source>
        <translation>Talare</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Not arrived yet</source>
        <translation>Inte anlända än</translation>
    </message>
    <message>
        <source>Not arrived yet: {total} (first {shown} shown)</source>
        <translation>Inte anlända än: {total} (de första {shown} visas)</translation>
    </message>
    <message>
        <source>Not arrived yet: {total}</source>
        <translation>Inte anlända än: {total}</translation>
    </message>
    <message>
        <source>Filter: name, organisation, category…</source>
        <translation>Filtrera: namn, organisation, kategori…</translation>
    </message>
    <message>
        <source>Filter the people not arrived yet</source>
        <translation>Filtrera de som inte har anlänt än</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Speakers and VIPs</source>
        <translation>Talare och VIP</translation>
    </message>
    <message>
        <source>Whom to list</source>
        <translation>Vilka som listas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening the event…</source>
        <translation>Evenemanget öppnas…</translation>
    </message>
    <message>
        <source>Scans are taken: they are checked in as soon as the event is open.</source>
        <translation>Skanningar tas emot: de checkas in så snart evenemanget är öppet.</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) waiting: checked in as soon as the event is open.</source>
        <translation>
            <numerusform>%n skanning väntar: checkas in så snart evenemanget är öppet.</numerusform>
            <numerusform>%n skanningar väntar: checkas in så snart evenemanget är öppet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Wrong PIN, or too many tries. Try again in {n} s.</source>
        <translation>Fel PIN, eller för många försök. Försök igen om {n} s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Fel PIN.</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN</source>
        <translation>Endast personal: ange PIN</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personalens PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Kontrollera PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel, back to the kiosk</source>
        <translation>Avbryt, tillbaka till kiosken</translation>
    </message>
</context>
<context>
    <name>RecentResults</name>
    <message>
        <source>Last results at this station</source>
        <translation>Senaste resultaten vid den här stationen</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Print a new badge</source>
        <translation>Skriv ut ny namnbricka</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Klar, tillbaka till början</translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <source>All lists</source>
        <translation>Alla listor</translation>
    </message>
    <message>
        <source>FULL</source>
        <translation>FULLT</translation>
    </message>
    <message>
        <source>nearly full</source>
        <translation>nästan fullt</translation>
    </message>
    <message>
        <source>badge desk</source>
        <translation>namnbricksdisk</translation>
    </message>
    <message>
        <source>{inside} of {expected} expected</source>
        <translation>{inside} av {expected} väntade</translation>
    </message>
    <message>
        <source>{taken} of {capacity} places</source>
        <translation>{taken} av {capacity} platser</translation>
    </message>
    <message>
        <source>Inside the building: {n}</source>
        <translation>I byggnaden: {n}</translation>
    </message>
    <message>
        <source>{name}: {inside} inside, {checked} of {expected} checked in</source>
        <translation>{name}: {inside} på plats, {checked} av {expected} incheckade</translation>
    </message>
    <message>
        <source>{name}: {taken} of {capacity} places taken, {left} left</source>
        <translation>{name}: {taken} av {capacity} platser tagna, {left} kvar</translation>
    </message>
    <message>
        <source>Check-in list:</source>
        <translation>Incheckningslista:</translation>
    </message>
    <message>
        <source>Check-in list shown</source>
        <translation>Incheckningslista som visas</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Väntade</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckade</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>På plats nu</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapacitet</translation>
    </message>
    <message>
        <source>Places left</source>
        <translation>Platser kvar</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Beläggning</translation>
    </message>
    <message>
        <source>People whose latest move on this list is an entry</source>
        <translation>Personer vars senaste passage på den här listan är en inpassering</translation>
    </message>
    <message>
        <source>Check-in lists: occupancy against capacity</source>
        <translation>Incheckningslistor: beläggning mot kapacitet</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>Self-service check-in — {event}</source>
        <extracomment>Set only by the staff exit; every other close request is refused.</extracomment>
        <translation>Självincheckning — {event}</translation>
    </message>
    <message>
        <source>Staff: hold for three seconds</source>
        <translation>Personal: håll inne i tre sekunder</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Utskrift</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Skanning</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Självincheckning</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Stationens namn</translation>
    </message>
    <message>
        <source>This station&apos;s name, shown on every check-in it records</source>
        <translation>Stationens namn, som visas på varje incheckning den registrerar</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Who staffs this station</source>
        <translation>Vem som bemannar stationen</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>The screen &apos;kiosk run&apos; opens: desk, self (self-service kiosk) or dashboard</source>
        <translation>Skärmen som &apos;kiosk run&apos; öppnar: desk (disk), self (självincheckning) eller dashboard (översikt)</translation>
    </message>
    <message>
        <source>The event this station works on (empty: the newest one)</source>
        <translation>Evenemanget som stationen arbetar med (tomt: det senaste)</translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation>Incheckningslista</translation>
    </message>
    <message>
        <source>The check-in list this station decides on (empty: the event&apos;s Entrance list)</source>
        <translation>Incheckningslistan den här stationen avgör på (tom: evenemangets Entré-lista)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language of the screens: en, sv, or empty for the computer&apos;s</source>
        <translation>Skärmarnas språk: en, sv, eller tomt för datorns språk</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Databas-URL</translation>
    </message>
    <message>
        <source>Database URL (empty: a SQLite file in the user data folder; $KIOSK_DB and --db win)</source>
        <translation>Databas-URL (tomt: en SQLite-fil i användarens datamapp; $KIOSK_DB och --db går före)</translation>
    </message>
    <message>
        <source>Printing on</source>
        <translation>Utskrift på</translation>
    </message>
    <message>
        <source>Run the badge printer worker at this station</source>
        <translation>Skriv ut namnbrickor från den här stationen</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Printer name (empty: the system default)</source>
        <translation>Skrivarens namn (tomt: systemets standardskrivare)</translation>
    </message>
    <message>
        <source>Fallback printer</source>
        <translation>Reservskrivare</translation>
    </message>
    <message>
        <source>Printer to use when the main one keeps failing</source>
        <translation>Skrivare som tar över när huvudskrivaren fortsätter att krångla</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Namnbricksmall</translation>
    </message>
    <message>
        <source>Badge template; &apos;none&apos; turns badge printing off</source>
        <translation>Namnbricksmall; &apos;none&apos; stänger av utskrift av namnbrickor</translation>
    </message>
    <message>
        <source>Template per ticket type</source>
        <translation>Mall per biljettyp</translation>
    </message>
    <message>
        <source>Badge template per ticket type, e.g. VIP=cr80; Staff=none (others: the badge template)</source>
        <translation>Namnbricksmall per biljettyp, t.ex. VIP=cr80; Staff=none (övriga: namnbricksmallen)</translation>
    </message>
    <message>
        <source>Print automatically</source>
        <translation>Skriv ut automatiskt</translation>
    </message>
    <message>
        <source>Print a badge after each first check-in</source>
        <translation>Skriv ut en namnbricka efter varje första incheckning</translation>
    </message>
    <message>
        <source>Scanner burst threshold (ms)</source>
        <translation>Gräns för skannerinmatning (ms)</translation>
    </message>
    <message>
        <source>Keys closer together than this (ms) are a scanner, not a person</source>
        <translation>Tangenttryck tätare än så här (ms) kommer från en skanner, inte en person</translation>
    </message>
    <message>
        <source>Shortest scan</source>
        <translation>Kortaste skanning</translation>
    </message>
    <message>
        <source>Shortest key burst taken as a scan</source>
        <translation>Kortaste serie tangenttryck som räknas som en skanning</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamera på</translation>
    </message>
    <message>
        <source>Show the camera at start-up</source>
        <translation>Visa kameran vid start</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera to use, by its name (empty: the first one)</source>
        <translation>Kamera att använda, med namn (tomt: den första)</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Ljud</translation>
    </message>
    <message>
        <source>Play a sound for each result</source>
        <translation>Spela ett ljud för varje resultat</translation>
    </message>
    <message>
        <source>Idle timeout (s)</source>
        <translation>Tid till återställning (s)</translation>
    </message>
    <message>
        <source>Back to the welcome screen after this many idle seconds (20-30)</source>
        <translation>Tillbaka till välkomstskärmen efter så här många sekunder utan aktivitet (20–30)</translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation>Textstorlek (%)</translation>
    </message>
    <message>
        <source>Text size of the kiosk screens, in percent (80-200)</source>
        <translation>Textstorlek på kioskskärmarna, i procent (80–200)</translation>
    </message>
    <message>
        <source>Attendees may reprint</source>
        <translation>Deltagare får skriva ut igen</translation>
    </message>
    <message>
        <source>Let attendees who are already checked in print a new badge</source>
        <translation>Låt deltagare som redan är incheckade skriva ut en ny namnbricka</translation>
    </message>
    <message>
        <source>Kiosk language</source>
        <translation>Kioskens språk</translation>
    </message>
    <message>
        <source>The language the kiosk starts in and returns to: en or sv</source>
        <translation>Språket som kiosken startar i och återgår till: en eller sv</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotyp</translation>
    </message>
    <message>
        <source>A PNG or JPEG logo for badge templates that show one</source>
        <translation>En logotyp i PNG eller JPEG för namnbricksmallar som visar en</translation>
    </message>
    <message>
        <source>Badge colours</source>
        <translation>Färger på namnbrickan</translation>
    </message>
    <message>
        <source>Badge band colour per category, e.g. Speaker=#1f6feb; VIP=#b3261e</source>
        <translation>Färg på namnbrickans band per kategori, t.ex. Speaker=#1f6feb; VIP=#b3261e</translation>
    </message>
    <message>
        <source>Privacy rules</source>
        <translation>Integritetsregler</translation>
    </message>
    <message>
        <source>Badge privacy per category or ticket type, for everyone without their own, e.g. Law enforcement=first name only; Press=no organisation</source>
        <translation>Badgeintegritet per kategori eller biljettyp, för alla utan egen inställning, t.ex. Law enforcement=first name only; Press=no organisation</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>The admin PIN (4-12 digits) that guards settings and kiosk exit</source>
        <translation>Admin-PIN (4–12 siffror) som skyddar inställningarna och utgången ur kiosken</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Privacy: {warning}</source>
        <translation>Integritet: {warning}</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Hub: online · {n} waiting · last sync {when}</source>
        <translation>Hubb: ansluten · {n} väntar · senaste synk {when}</translation>
    </message>
    <message>
        <source>OFFLINE: checking in on this kiosk&apos;s own copy · {n} waiting · last sync {when}</source>
        <translation>FRÅNKOPPLAD: checkar in på kioskens egen kopia · {n} väntar · senaste synk {when}</translation>
    </message>
    <message>
        <source>Staff menu</source>
        <translation>Personalmeny</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Lämna kioskläget</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Större text</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Tillbaka till kiosken</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>Station: {name}</source>
        <translation>Station: {name}</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Operatör: {name}</translation>
    </message>
    <message>
        <source>Printer: …</source>
        <translation>Skrivare: …</translation>
    </message>
    <message>
        <source>Database: {engine} ✔</source>
        <extracomment>The print worker&apos;s own status text already says how many jobs wait.</extracomment>
        <translation>Databas: {engine} ✔</translation>
    </message>
    <message>
        <source>Database: {engine} UNREACHABLE</source>
        <translation>Databas: {engine} GÅR INTE ATT NÅ</translation>
    </message>
    <message>
        <source>Event: {n} / {expected} checked in</source>
        <translation>Evenemanget: {n} / {expected} incheckade</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Hub: online · last sync {when}</source>
        <translation>Hubb: ansluten · senaste synk {when}</translation>
    </message>
    <message>
        <source>· {n} waiting</source>
        <translation>· {n} väntar</translation>
    </message>
    <message>
        <source>OFFLINE · {n} waiting · last sync {when}</source>
        <translation>FRÅNKOPPLAD · {n} väntar · senaste synk {when}</translation>
    </message>
    <message>
        <source>Checked in here today: {n}</source>
        <translation>Incheckade här i dag: {n}</translation>
    </message>
    <message>
        <source>Printer: {status}</source>
        <translation>Skrivare: {status}</translation>
    </message>
    <message>
        <source>· {n} in queue</source>
        <translation>· {n} i kö</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Scan the QR code on your ticket</source>
        <translation>Skanna QR-koden på din biljett</translation>
    </message>
    <message>
        <source>No ticket with you?</source>
        <translation>Har du ingen biljett med dig?</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Hitta mig via namn</translation>
    </message>
    <message>
        <source>Change language to {language}</source>
        <translation>Byt språk till {language}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>användning: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positionsargument</translation>
    </message>
    <message>
        <source>options</source>
        <translation>flaggor</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>visa den här hjälptexten och avsluta</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>visa programmets versionsnummer och avsluta</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>okända argument: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>inte tillåtet tillsammans med argumentet %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>ignorerade uttryckligt argument %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>följande argument krävs: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>ett av argumenten %s krävs</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>väntade ett argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>väntade högst ett argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>väntade minst ett argument</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>väntade %s argument</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>väntade %s argument</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tvetydig flagga: %(option)s kan vara %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>oväntad flagga: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ogiltigt %(type)s-värde: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ogiltigt val: %(value)r (välj bland %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: fel: %(message)s
</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>kan inte öppna &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>okänt kommando %(parser_name)r (val: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>doctor</name>
    <message>
        <source>ok</source>
        <extracomment>The statuses, areas and check names a person reads (``word`` translates them; the JSON keeps them).</extracomment>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>varning</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problem</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>versioner</translation>
    </message>
    <message>
        <source>folders</source>
        <translation>mappar</translation>
    </message>
    <message>
        <source>database</source>
        <translation>databas</translation>
    </message>
    <message>
        <source>printers</source>
        <translation>skrivare</translation>
    </message>
    <message>
        <source>cameras</source>
        <translation>kameror</translation>
    </message>
    <message>
        <source>fonts</source>
        <translation>typsnitt</translation>
    </message>
    <message>
        <source>resources</source>
        <translation>resurser</translation>
    </message>
    <message>
        <source>portable</source>
        <translation>portabel</translation>
    </message>
    <message>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <source>config</source>
        <translation>inställningar</translation>
    </message>
    <message>
        <source>logs</source>
        <translation>loggar</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>motor</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>nåbar</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>schema</translation>
    </message>
    <message>
        <source>events</source>
        <translation>evenemang</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>utskrift</translation>
    </message>
    <message>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>media backend</source>
        <translation>multimediastöd</translation>
    </message>
    <message>
        <source>badge templates</source>
        <translation>namnbricksmallar</translation>
    </message>
    <message>
        <source>sounds</source>
        <translation>ljud</translation>
    </message>
    <message>
        <source>translations</source>
        <translation>översättningar</translation>
    </message>
    <message>
        <source>icon</source>
        <translation>ikon</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ledig</translation>
    </message>
    <message>
        <source>stopped or in error</source>
        <translation>stoppad eller fel</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
</context>
<context>
    <name>selftest</name>
    <message>
        <source>ok</source>
        <extracomment>Statuses and check names a person reads, translated by ``word``.</extracomment>
        <translation>ok</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problem</translation>
    </message>
    <message>
        <source>database</source>
        <translation>databas</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>disk</translation>
    </message>
    <message>
        <source>self</source>
        <translation>självbetjäning</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>översikt</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>namnbricka</translation>
    </message>
</context>
</TS>
