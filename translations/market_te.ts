<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="te_IN">
<context>
    <name>AuthService</name>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>పాస్‌వర్డ్‌లో కనీసం 8 అక్షరాలు ఉండాలి.</translation>
    </message>
    <message>
        <source>A password needs a letter or a sign besides digits (digits alone are a PIN).</source>
        <translation>పాస్‌వర్డ్‌లో అంకెలతో పాటు అక్షరం లేదా గుర్తు ఉండాలి (అంకెలు మాత్రమే పిన్).</translation>
    </message>
    <message>
        <source>Wrong username or %1.</source>
        <translation>తప్పు వినియోగదారు పేరు లేదా %1.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>పిన్</translation>
    </message>
    <message>
        <source>password</source>
        <translation>పాస్‌వర్డ్</translation>
    </message>
    <message>
        <source>This user is deactivated.</source>
        <translation>ఈ వినియోగదారు నిష్క్రియం చేయబడ్డారు.</translation>
    </message>
    <message>
        <source>Too many failed attempts: %1 is locked for %2 more minute(s).</source>
        <translation>చాలా విఫల ప్రయత్నాలు: %1 ఇంకా %2 నిమిషాలు లాక్‌లో ఉన్నారు.</translation>
    </message>
    <message>
        <source>Too many failed attempts: %1 is locked for %2 minutes.</source>
        <translation>చాలా విఫల ప్రయత్నాలు: %1 ను %2 నిమిషాలు లాక్ చేశాము.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>పిన్‌లో 4 నుండి 8 అంకెలు ఉంటాయి.</translation>
    </message>
    <message>
        <source>%1 is not allowed to approve this.</source>
        <translation>%1 కి దీన్ని ఆమోదించే అధికారం లేదు.</translation>
    </message>
    <message>
        <source>Only an owner can create another owner.</source>
        <translation>యజమాని మాత్రమే మరో యజమానిని సృష్టించగలరు.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>వినియోగదారు పేరు</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>The username %1 is taken.</source>
        <translation>వినియోగదారు పేరు %1 ఇప్పటికే ఉంది.</translation>
    </message>
    <message>
        <source>Could not hash the password (out of memory?).</source>
        <translation>పాస్‌వర్డ్ హ్యాష్ కాలేదు (మెమరీ తక్కువ?).</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>అలాంటి వినియోగదారు లేరు.</translation>
    </message>
    <message>
        <source>Could not hash the PIN (out of memory?).</source>
        <translation>పిన్ హ్యాష్ కాలేదు (మెమరీ తక్కువ?).</translation>
    </message>
</context>
<context>
    <name>CashSessionService</name>
    <message>
        <source>Open the cash drawer (start a cash session) before taking or paying out cash.</source>
        <translation>నగదు తీసుకునే లేదా ఇచ్చే ముందు క్యాష్ డ్రాయర్ తెరవండి (క్యాష్ సెషన్ ప్రారంభించండి).</translation>
    </message>
    <message>
        <source>The opening float must be zero or more.</source>
        <translation>ప్రారంభ నగదు సున్నా లేదా అంతకంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>A cash session is already open at this counter.</source>
        <translation>ఈ కౌంటర్‌లో క్యాష్ సెషన్ ఇప్పటికే తెరిచి ఉంది.</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>No cash session is open at this counter.</source>
        <translation>ఈ కౌంటర్‌లో క్యాష్ సెషన్ తెరిచి లేదు.</translation>
    </message>
    <message>
        <source>The drawer should hold only %1.</source>
        <translation>డ్రాయర్‌లో %1 మాత్రమే ఉండాలి.</translation>
    </message>
    <message>
        <source>No such cash session.</source>
        <translation>అలాంటి క్యాష్ సెషన్ లేదు.</translation>
    </message>
    <message>
        <source>Each note or coin needs a positive value and a count.</source>
        <translation>ప్రతి నోటు లేదా నాణేనికి ధనాత్మక విలువ మరియు లెక్క ఉండాలి.</translation>
    </message>
    <message>
        <source>The counted cash does not match the notes and coins counted.</source>
        <translation>లెక్కించిన నగదు లెక్కించిన నోట్లు, నాణేలతో సరిపోలడం లేదు.</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer.</source>
        <translation>డ్రాయర్‌లో లెక్కించిన నగదు నమోదు చేయండి.</translation>
    </message>
    <message>
        <source>The counted cash must be zero or more.</source>
        <translation>లెక్కించిన నగదు సున్నా లేదా అంతకంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>No cash session is open at this counter; a closed session is final.</source>
        <translation>ఈ కౌంటర్‌లో క్యాష్ సెషన్ తెరిచి లేదు; మూసిన సెషన్ తుది.</translation>
    </message>
</context>
<context>
    <name>CollectionService</name>
    <message>
        <source>The amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>No such buyer.</source>
        <translation>అలాంటి కొనుగోలుదారు లేరు.</translation>
    </message>
    <message>
        <source>%1 owes nothing.</source>
        <translation>%1 ఏమీ బాకీ లేరు.</translation>
    </message>
    <message>
        <source>%1 owes only %2; %3 is more than that.</source>
        <translation>%1 బాకీ %2 మాత్రమే; %3 దానికంటే ఎక్కువ.</translation>
    </message>
    <message>
        <source>Credit details do not add up to the buyer&apos;s dues.</source>
        <translation>అప్పు వివరాలు కొనుగోలుదారు బాకీతో సరిపోలడం లేదు.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>సూచిక</translation>
    </message>
</context>
<context>
    <name>PdfReceipt</name>
    <message>
        <source>Could not write the PDF %1.</source>
        <translation>PDF %1 రాయలేకపోయాము.</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>%1 (%2) is not allowed to do this; a manager must.</source>
        <translation>%1 (%2) కి దీనికి అనుమతి లేదు; మేనేజర్ చేయాలి.</translation>
    </message>
</context>
<context>
    <name>ReceiptBuilder</name>
    <message>
        <source>COPY</source>
        <translation>నకలు</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>అమ్మకం రసీదు</translation>
    </message>
    <message>
        <source>Receipt no</source>
        <translation>రసీదు నం.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>తేదీ</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>కౌంటర్</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>క్యాషియర్</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>కొనుగోలుదారు</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>నగదు కొనుగోలుదారు</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>ఇచ్చినది</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>చిల్లర</translation>
    </message>
    <message>
        <source>On credit</source>
        <translation>అప్పు</translation>
    </message>
    <message>
        <source>Your outstanding</source>
        <translation>మీ బాకీ</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>ధన్యవాదాలు</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>చెల్లింపు రసీదు</translation>
    </message>
    <message>
        <source>Credit %1</source>
        <translation>అప్పు %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>అందినది</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>విధానం</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>సూచిక</translation>
    </message>
    <message>
        <source>Arrival slip</source>
        <translation>రాక చీటీ</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>రైతు</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>సరుకు</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>బస్తాలు/పెట్టెలు</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>మొత్తం బరువు</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>తరుగు (ఖాళీ బరువు)</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>నికరం</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>గ్రేడ్</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>వాహనం</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>స్వీకరించినవారు</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>సరుకు</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>కమీషన్</translation>
    </message>
    <message>
        <source>Credit note (return)</source>
        <translation>క్రెడిట్ నోట్ (వాపసు)</translation>
    </message>
    <message>
        <source>Return no</source>
        <translation>వాపసు సం.</translation>
    </message>
    <message>
        <source>Original receipt</source>
        <translation>అసలు రసీదు</translation>
    </message>
    <message>
        <source>Charges given back</source>
        <translation>తిరిగి ఇచ్చిన ఛార్జీలు</translation>
    </message>
    <message>
        <source>Total returned</source>
        <translation>మొత్తం వాపసు</translation>
    </message>
    <message>
        <source>Credit reduced</source>
        <translation>తగ్గిన బాకీ</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>వాపసు చెల్లింపు %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
</context>
<context>
    <name>ReturnService</name>
    <message>
        <source>No such sale line.</source>
        <translation>అమ్మకంలో అలాంటి లైన్ లేదు.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>Choose at least one line to return.</source>
        <translation>వాపసుకు కనీసం ఒక లైన్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>That line is not on receipt %1.</source>
        <translation>ఆ లైన్ రసీదు %1 లో లేదు.</translation>
    </message>
    <message>
        <source>The quantity to return must be more than zero.</source>
        <translation>వాపసు పరిమాణం సున్నా కంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>Line %1 is counted in whole units.</source>
        <translation>లైన్ %1 పూర్తి యూనిట్లలో లెక్కించబడుతుంది.</translation>
    </message>
    <message>
        <source>Line %1 sold %2; only %3 can still be returned.</source>
        <translation>లైన్ %1 లో %2 అమ్మారు; ఇంకా %3 మాత్రమే వాపసు చేయవచ్చు.</translation>
    </message>
    <message>
        <source>The return comes to nothing; check the quantities.</source>
        <translation>వాపసు విలువ సున్నా; పరిమాణాలు తనిఖీ చేయండి.</translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <source>This counter has no shop yet.</source>
        <translation>ఈ కౌంటర్‌కు ఇంకా దుకాణం లేదు.</translation>
    </message>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>అమ్మకంలో కనీసం ఒక వరుస ఉండాలి.</translation>
    </message>
    <message>
        <source>A sale can have at most %1 lines.</source>
        <translation>ఒక అమ్మకంలో గరిష్ఠంగా %1 వరుసలు.</translation>
    </message>
    <message>
        <source>A sale can have at most %1 payments.</source>
        <translation>ఒక అమ్మకంలో గరిష్ఠంగా %1 చెల్లింపులు.</translation>
    </message>
    <message>
        <source>No such buyer.</source>
        <translation>అలాంటి కొనుగోలుదారు లేరు.</translation>
    </message>
    <message>
        <source>%1 is a farmer, not a buyer.</source>
        <translation>%1 రైతు, కొనుగోలుదారు కాదు.</translation>
    </message>
    <message>
        <source>The buyer %1 is deactivated.</source>
        <translation>కొనుగోలుదారు %1 నిష్క్రియం.</translation>
    </message>
    <message>
        <source>Walk-in name</source>
        <translation>నగదు కొనుగోలుదారు పేరు</translation>
    </message>
    <message>
        <source>Line %1: no such lot.</source>
        <translation>వరుస %1: అలాంటి లాట్ లేదు.</translation>
    </message>
    <message>
        <source>Line %1: lot %2 is %3 and cannot be sold.</source>
        <translation>వరుస %1: లాట్ %2 స్థితి %3, అమ్మలేము.</translation>
    </message>
    <message>
        <source>Line %1: the quantity must be more than zero.</source>
        <translation>వరుస %1: పరిమాణం సున్నా కంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>Line %1: %2 is sold in whole %3s.</source>
        <translation>వరుస %1: %2 పూర్తి %3 లలో అమ్ముతారు.</translation>
    </message>
    <message>
        <source>Line %1: the price must be more than zero.</source>
        <translation>వరుస %1: ధర సున్నా కంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>Line %1: lot %2 has only %3 %4 left.</source>
        <translation>వరుస %1: లాట్ %2 లో %3 %4 మాత్రమే మిగిలింది.</translation>
    </message>
    <message>
        <source>Line %1: the amount is too large.</source>
        <translation>వరుస %1: మొత్తం చాలా ఎక్కువ.</translation>
    </message>
    <message>
        <source>Line %1: the amount rounds to nothing; check the quantity and price.</source>
        <translation>వరుస %1: మొత్తం సున్నా అవుతుంది; పరిమాణం, ధర చూడండి.</translation>
    </message>
    <message>
        <source>The bill total is too large.</source>
        <translation>బిల్లు మొత్తం చాలా ఎక్కువ.</translation>
    </message>
    <message>
        <source>Each payment must be more than zero.</source>
        <translation>ప్రతి చెల్లింపు సున్నా కంటే ఎక్కువ ఉండాలి.</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>చెల్లింపు సూచిక</translation>
    </message>
    <message>
        <source>Non-cash payments (%1) are more than the bill (%2); change is given only in cash.</source>
        <translation>నగదేతర చెల్లింపులు (%1) బిల్లు (%2) కంటే ఎక్కువ; చిల్లర నగదులో మాత్రమే.</translation>
    </message>
    <message>
        <source>A walk-in buyer pays in full: %1 is still unpaid.</source>
        <translation>నగదు కొనుగోలుదారు పూర్తిగా చెల్లించాలి: %1 ఇంకా బాకీ.</translation>
    </message>
    <message>
        <source>Credit of %1 would take the buyer&apos;s dues to %2, above the limit of %3. A manager can approve it.</source>
        <translation>%1 అప్పుతో కొనుగోలుదారు బాకీ %2 అవుతుంది, పరిమితి %3 దాటుతుంది. మేనేజర్ ఆమోదించవచ్చు.</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>అనుమతి కారణం</translation>
    </message>
    <message>
        <source>No such sale.</source>
        <translation>అలాంటి అమ్మకం లేదు.</translation>
    </message>
    <message>
        <source>No sale has the receipt number %1.</source>
        <translation>రసీదు నం. %1 తో అమ్మకం లేదు.</translation>
    </message>
    <message>
        <source>The commission of %1 is already confirmed.</source>
        <translation>%1 కమీషన్ ఇప్పటికే నిర్ధారించబడింది.</translation>
    </message>
    <message>
        <source>Line %1: the farmer&apos;s commission and charges (%2) would be more than the line&apos;s amount (%3); check the price.</source>
        <translation>వరుస %1: రైతు కమీషన్ మరియు ఛార్జీలు (%2) వరుస మొత్తం (%3) కంటే ఎక్కువ అవుతాయి; ధర చూడండి.</translation>
    </message>
    <message>
        <source>Line %1: packages must be between 0 and %2.</source>
        <translation>వరుస %1: సంచులు 0 నుండి %2 మధ్య ఉండాలి.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Counter for produce-market commission shops.</source>
        <translation>మార్కెట్ కమీషన్ దుకాణాల కౌంటర్.</translation>
    </message>
    <message>
        <source>Folder of the shop&apos;s data file.</source>
        <translation>దుకాణం డేటా ఫైల్ ఫోల్డర్.</translation>
    </message>
    <message>
        <source>Create a demo shop if the store is empty.</source>
        <translation>డేటా ఖాళీగా ఉంటే డెమో దుకాణం సృష్టించండి.</translation>
    </message>
    <message>
        <source>Language: en, hi or te.</source>
        <translation>భాష: en, hi లేదా te.</translation>
    </message>
    <message>
        <source>Save screenshots of every screen in every language and quit (with --demo).</source>
        <translation>ప్రతి భాషలో ప్రతి తెర స్క్రీన్‌షాట్ భద్రపరచి మూసివేయండి (--demo తో).</translation>
    </message>
</context>
<context>
    <name>market::ui::ArrivalController</name>
    <message>
        <source>The counter is locked.</source>
        <translation>కౌంటర్ లాక్ అయి ఉంది.</translation>
    </message>
    <message>
        <source>Choose the farmer (search, or create a new one).</source>
        <translation>రైతును ఎంచుకోండి (వెతకండి లేదా కొత్తగా సృష్టించండి).</translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation>సరుకును ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>%1: type a number such as 120 or 120.5.</source>
        <translation>%1: 120 లేదా 120.5 వంటి సంఖ్య టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>నికరం</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>మొత్తం బరువు</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>తరుగు (ఖాళీ బరువు)</translation>
    </message>
    <message>
        <source>Packages: type a whole number.</source>
        <translation>బస్తాలు: పూర్ణ సంఖ్య టైప్ చేయండి.</translation>
    </message>
</context>
<context>
    <name>market::ui::ArrivalWidget</name>
    <message>
        <source>Farmer: name, code or phone</source>
        <translation>రైతు: పేరు, కోడ్ లేదా ఫోన్</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>or net directly</source>
        <translation>లేదా నేరుగా నికర బరువు</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>ఫోన్ (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>రైతు</translation>
    </message>
    <message>
        <source>New farmer</source>
        <translation>కొత్త రైతు</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>సరుకు</translation>
    </message>
    <message>
        <source>P&amp;ackages</source>
        <translation>బస్తాలు</translation>
    </message>
    <message>
        <source>&amp;Gross</source>
        <translation>మొత్తం బరువు</translation>
    </message>
    <message>
        <source>&amp;Tare</source>
        <translation>తరుగు</translation>
    </message>
    <message>
        <source>&amp;Net</source>
        <translation>నికరం</translation>
    </message>
    <message>
        <source>G&amp;rade</source>
        <translation>గ్రేడ్</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>వాహనం</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>గమనికలు</translation>
    </message>
    <message>
        <source>Record and print slip (Ctrl+S)</source>
        <translation>నమోదు చేసి చీటీ ముద్రించండి (Ctrl+S)</translation>
    </message>
    <message>
        <source>Lots on hand, newest first</source>
        <translation>ఉన్న లాట్‌లు, కొత్తవి ముందు</translation>
    </message>
    <message>
        <source>Farmer: %1 %2</source>
        <translation>రైతు: %1 %2</translation>
    </message>
    <message>
        <source>Farmer: %1 %2 (new)</source>
        <translation>రైతు: %1 %2 (కొత్త)</translation>
    </message>
    <message>
        <source>Farmer %1 created.</source>
        <translation>రైతు %1 సృష్టించబడ్డారు.</translation>
    </message>
    <message>
        <source>Net: %1</source>
        <translation>నికరం: %1</translation>
    </message>
    <message>
        <source>Lot %1 recorded: %2.</source>
        <translation>లాట్ %1 నమోదైంది: %2.</translation>
    </message>
</context>
<context>
    <name>market::ui::CartModel</name>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>సరుకు</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>రైతు</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>పరిమాణం</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ధర</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>కమీషన్</translation>
    </message>
</context>
<context>
    <name>market::ui::CollectController</name>
    <message>
        <source>Type the amount received, such as 500 or 1,250.50.</source>
        <translation>అందిన మొత్తం టైప్ చేయండి, ఉదా. 500 లేదా 1,250.50.</translation>
    </message>
    <message>
        <source>Choose the buyer first.</source>
        <translation>ముందు కొనుగోలుదారుని ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>కౌంటర్ లాక్ అయి ఉంది.</translation>
    </message>
</context>
<context>
    <name>market::ui::CollectWidget</name>
    <message>
        <source>Buyer: name, code or phone</source>
        <translation>కొనుగోలుదారు: పేరు, కోడ్ లేదా ఫోన్</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>అందిన మొత్తం</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>సూచిక (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>కొనుగోలుదారు</translation>
    </message>
    <message>
        <source>Open credits, oldest first</source>
        <translation>బాకీ అప్పులు, పాతవి ముందు</translation>
    </message>
    <message>
        <source>Collect and print (Enter)</source>
        <translation>వసూలు చేసి ముద్రించండి (Enter)</translation>
    </message>
    <message>
        <source>%1 owes %2 (limit %3)</source>
        <translation>%1 బాకీ %2 (పరిమితి %3)</translation>
    </message>
    <message>
        <source>Choose a buyer</source>
        <translation>కొనుగోలుదారుని ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Received %1. Outstanding now %2.</source>
        <translation>%1 అందింది. ఇప్పుడు బాకీ %2.</translation>
    </message>
</context>
<context>
    <name>market::ui::DrawerController</name>
    <message>
        <source>Type an amount such as 500 or 1,250.50.</source>
        <translation>500 లేదా 1,250.50 వంటి మొత్తం టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>కౌంటర్ లాక్ చేయబడింది.</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and type the total.</source>
        <translation>డ్రాయర్‌లోని నగదు లెక్కించి మొత్తం టైప్ చేయండి.</translation>
    </message>
</context>
<context>
    <name>market::ui::DrawerWidget</name>
    <message>
        <source>Open drawer</source>
        <translation>డ్రాయర్ తెరవండి</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>నగదు జమ</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>నగదు తీసివేత</translation>
    </message>
    <message>
        <source>Close drawer (Z)</source>
        <translation>డ్రాయర్ మూసివేయండి (Z)</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>ప్రారంభ నగదు</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Reason (change from bank, tea, …)</source>
        <translation>కారణం (బ్యాంకు నుండి చిల్లర, టీ, …)</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>డ్రాయర్‌లో లెక్కించిన నగదు</translation>
    </message>
    <message>
        <source>Start of day</source>
        <translation>రోజు ప్రారంభం</translation>
    </message>
    <message>
        <source>Cash in or out</source>
        <translation>నగదు జమ లేదా తీసివేత</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>లెక్కలు</translation>
    </message>
    <message>
        <source>End of day</source>
        <translation>రోజు ముగింపు</translation>
    </message>
    <message>
        <source>Drawer opened with %1.</source>
        <translation>డ్రాయర్ %1 తో తెరవబడింది.</translation>
    </message>
    <message>
        <source>%1 put into the drawer.</source>
        <translation>%1 డ్రాయర్‌లో వేయబడింది.</translation>
    </message>
    <message>
        <source>%1 taken out of the drawer.</source>
        <translation>%1 డ్రాయర్ నుండి తీయబడింది.</translation>
    </message>
    <message>
        <source>Drawer closed. The cash matches.</source>
        <translation>డ్రాయర్ మూసివేయబడింది. నగదు సరిపోయింది.</translation>
    </message>
    <message>
        <source>Drawer closed. %1 short.</source>
        <translation>డ్రాయర్ మూసివేయబడింది. %1 తక్కువ.</translation>
    </message>
    <message>
        <source>Drawer closed. %1 over.</source>
        <translation>డ్రాయర్ మూసివేయబడింది. %1 ఎక్కువ.</translation>
    </message>
    <message>
        <source>Drawer open since %1</source>
        <translation>డ్రాయర్ %1 నుండి తెరిచి ఉంది</translation>
    </message>
    <message>
        <source>Drawer closed: open it with the float before taking cash.</source>
        <translation>డ్రాయర్ మూసి ఉంది: నగదు తీసుకునే ముందు ప్రారంభ నగదుతో తెరవండి.</translation>
    </message>
    <message>
        <source>Z: closed %1</source>
        <translation>Z: %1 న మూసివేయబడింది</translation>
    </message>
    <message numerus="yes">
        <source>X: so far (%n sale(s))</source>
        <translation>
            <numerusform>X: ఇప్పటివరకు (%n అమ్మకం)</numerusform>
            <numerusform>X: ఇప్పటివరకు (%n అమ్మకాలు)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>నగదు అమ్మకాలు</translation>
    </message>
    <message>
        <source>Collections in cash</source>
        <translation>నగదు వసూళ్లు</translation>
    </message>
    <message>
        <source>Paid to farmers</source>
        <translation>రైతులకు చెల్లింపు</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>ఖర్చులు</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>వాపసు చెల్లింపులు</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>డ్రాయర్‌లో ఉండవలసినది</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>లెక్కించినది</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>తేడా</translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation>నోట్లు మరియు నాణేలు</translation>
    </message>
</context>
<context>
    <name>market::ui::EnrolPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;బ్రౌజ్…</translation>
    </message>
    <message>
        <source>Join a shop on a server</source>
        <translation>సర్వర్‌లోని దుకాణంలో చేరండి</translation>
    </message>
    <message>
        <source>A manager makes a one-time enrolment code for this counter on the shop&apos;s server.</source>
        <translation>మేనేజర్ దుకాణ సర్వర్‌లో ఈ కౌంటర్ కోసం ఒకసారి వాడే నమోదు కోడ్ తయారు చేస్తారు.</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;నమోదు చేయండి</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>కౌంటర్</translation>
    </message>
    <message>
        <source>A PEM file, for a self-signed server</source>
        <translation>PEM ఫైల్, స్వీయ-సంతకం సర్వర్ కోసం</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;సర్వర్ చిరునామా</translation>
    </message>
    <message>
        <source>S&amp;hop code</source>
        <translation>దుకాణం &amp;కోడ్</translation>
    </message>
    <message>
        <source>Enrolment c&amp;ode</source>
        <translation>నమోదు &amp;కోడ్</translation>
    </message>
    <message>
        <source>This counter&apos;s &amp;name</source>
        <translation>ఈ కౌంటర్ &amp;పేరు</translation>
    </message>
    <message>
        <source>C&amp;A certificate (optional)</source>
        <translation>C&amp;A సర్టిఫికేట్ (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA సర్టిఫికేట్</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM సర్టిఫికేట్లు (*.pem *.crt);;అన్ని ఫైళ్లు (*)</translation>
    </message>
</context>
<context>
    <name>market::ui::EnrolmentJob</name>
    <message>
        <source>This build of market-pos has no sync engine.</source>
        <translation>ఈ market-pos బిల్డ్‌లో సింక్ ఇంజిన్ లేదు.</translation>
    </message>
    <message>
        <source>Cannot open this counter&apos;s data file: %1</source>
        <translation>ఈ కౌంటర్ డేటా ఫైల్ తెరవలేము: %1</translation>
    </message>
    <message>
        <source>Checking the OS keychain…</source>
        <translation>OS కీచైన్ తనిఖీ చేస్తున్నాం…</translation>
    </message>
    <message>
        <source>There is no usable OS keychain to keep this counter&apos;s device secret, so nothing was sent and the enrolment code is still valid. On Linux a Secret Service (such as gnome-keyring) must run and be unlocked.
%1</source>
        <translation>ఈ కౌంటర్ పరికర రహస్యాన్ని ఉంచడానికి వాడగల OS కీచైన్ లేదు, కాబట్టి ఏమీ పంపలేదు మరియు నమోదు కోడ్ ఇంకా చెల్లుతుంది. Linux‌లో Secret Service (gnome-keyring వంటిది) నడుస్తూ అన్‌లాక్ అయి ఉండాలి.
%1</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>%1 ను సంప్రదిస్తున్నాం…</translation>
    </message>
    <message>
        <source>The server refused the shop code or the enrolment code: mistyped, already used or expired. Ask a manager for a new code.
%1</source>
        <translation>సర్వర్ దుకాణం కోడ్ లేదా నమోదు కోడ్‌ను తిరస్కరించింది: తప్పుగా టైప్ చేశారు, ఇప్పటికే వాడారు లేదా గడువు ముగిసింది. మేనేజర్‌ను కొత్త కోడ్ అడగండి.
%1</translation>
    </message>
    <message>
        <source>Enrolment failed.
%1</source>
        <translation>నమోదు విఫలమైంది.
%1</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1 of shop %2.</source>
        <translation>దుకాణం %2 యొక్క టెర్మినల్ %1 గా నమోదైంది.</translation>
    </message>
</context>
<context>
    <name>market::ui::LoginWidget</name>
    <message>
        <source>Use &amp;PIN</source>
        <translation>పిన్‌తో (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>లాగిన్ (&amp;L)</translation>
    </message>
    <message>
        <source>Who is at the counter?</source>
        <translation>కౌంటర్ వద్ద ఎవరు?</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>పాస్‌వర్డ్</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>వినియోగదారు</translation>
    </message>
    <message>
        <source>&amp;Secret</source>
        <translation>పాస్‌వర్డ్ / పిన్</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>పిన్</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>తనిఖీ చేస్తున్నాం…</translation>
    </message>
</context>
<context>
    <name>market::ui::LotListModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n రోజులు</numerusform>
            <numerusform>%n రోజులు</numerusform>
        </translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>సరుకు</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>రైతు</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>గ్రేడ్</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>వయసు</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>మిగిలినది</translation>
    </message>
</context>
<context>
    <name>market::ui::MainWindow</name>
    <message>
        <source>Receipt printed</source>
        <translation>రసీదు ముద్రించబడింది</translation>
    </message>
    <message>
        <source>&amp;Sell</source>
        <translation>అమ్మకం (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Arrivals</source>
        <translation>రాక (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Collect</source>
        <translation>వసూలు (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>కౌంటర్ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>లాక్ చేయండి (&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;witch cashier</source>
        <translation>క్యాషియర్ మార్చండి (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>అమరికలు… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>నిష్క్రమించు (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>వెళ్ళు (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>సహాయం (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>కీబోర్డ్ షార్ట్‌కట్‌లు (&amp;K)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>లాక్ అయింది</translation>
    </message>
    <message>
        <source>%1 (%2) · Counter %3 — market-pos</source>
        <translation>%1 (%2) · కౌంటర్ %3 — market-pos</translation>
    </message>
    <message>
        <source>No sale to reprint yet.</source>
        <translation>మళ్ళీ ముద్రించడానికి ఇంకా అమ్మకం లేదు.</translation>
    </message>
    <message>
        <source>&amp;Drawer</source>
        <translation>డ్రాయర్ (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Returns</source>
        <translation>వాపసు (&amp;R)</translation>
    </message>
    <message>
        <source>No return to reprint yet.</source>
        <translation>మళ్లీ ముద్రించడానికి ఇంకా వాపసు లేదు.</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>సింక్ సమస్యలు (&amp;P)…</translation>
    </message>
</context>
<context>
    <name>market::ui::OpenCreditModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n రోజులు</numerusform>
            <numerusform>%n రోజులు</numerusform>
        </translation>
    </message>
    <message>
        <source>pending</source>
        <translation>పెండింగ్</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>పాక్షికం</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>తీరింది</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>రసీదు</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>తేదీ</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>వయసు</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>బాకీ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>This payment</source>
        <translation>ఈ చెల్లింపు</translation>
    </message>
</context>
<context>
    <name>market::ui::PartyListModel</name>
    <message>
        <source>limit %1</source>
        <translation>పరిమితి %1</translation>
    </message>
</context>
<context>
    <name>market::ui::PaymentDialog</name>
    <message>
        <source>Manager override</source>
        <translation>మేనేజర్ అనుమతి</translation>
    </message>
    <message>
        <source>Confirm sale (F12)</source>
        <translation>అమ్మకం నిర్ధారించండి (F12)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>UPI / card / cheque reference (optional)</source>
        <translation>UPI / కార్డ్ / చెక్ సూచిక (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>జోడించు</translation>
    </message>
    <message>
        <source>Manager username</source>
        <translation>మేనేజర్ వినియోగదారు పేరు</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>పిన్ లేదా పాస్‌వర్డ్</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>ఆమోదించు</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>చెల్లించాల్సింది: %1</translation>
    </message>
    <message>
        <source>%1 · outstanding %2 · credit limit %3 · what is not paid goes to credit</source>
        <translation>%1 · బాకీ %2 · అప్పు పరిమితి %3 · చెల్లించనిది అప్పుగా వెళ్తుంది</translation>
    </message>
    <message>
        <source>Walk-in buyer: pays in full, no credit.</source>
        <translation>నగదు కొనుగోలుదారు: పూర్తిగా చెల్లించాలి, అప్పు లేదు.</translation>
    </message>
    <message>
        <source>Type an amount such as 500 or 1,250.50.</source>
        <translation>500 లేదా 1,250.50 వంటి మొత్తం టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>At most %1 payments on one sale.</source>
        <translation>ఒక అమ్మకంలో గరిష్ఠంగా %1 చెల్లింపులు.</translation>
    </message>
    <message>
        <source>Tendered %1 · still due &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>ఇచ్చినది %1 · ఇంకా రావాల్సింది &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tendered %1 · change due &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>ఇచ్చినది %1 · చిల్లర &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not paid, to credit: &lt;b&gt;%1&lt;/b&gt; · outstanding after: %2 of limit %3</source>
        <translation>చెల్లించనిది, అప్పుగా: &lt;b&gt;%1&lt;/b&gt; · తర్వాత బాకీ: %2, పరిమితి %3</translation>
    </message>
    <message>
        <source>Above the credit limit: a manager must approve.</source>
        <translation>అప్పు పరిమితి దాటింది: మేనేజర్ ఆమోదం అవసరం.</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>%1 ఆమోదించారు</translation>
    </message>
</context>
<context>
    <name>market::ui::PaymentListModel</name>
    <message>
        <source>Cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డ్</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>బ్యాంక్ బదిలీ</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>చెక్</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>వాలెట్</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>విధానం</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>సూచిక</translation>
    </message>
</context>
<context>
    <name>market::ui::ReceiptPrinter</name>
    <message>
        <source>Give a path after &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; తర్వాత మార్గం ఇవ్వండి.</translation>
    </message>
    <message>
        <source>A network printer is written tcp:host:9100.</source>
        <translation>నెట్‌వర్క్ ప్రింటర్‌ను tcp:host:9100 అని రాయాలి.</translation>
    </message>
    <message>
        <source>A printer is file:/path, device:/dev/usb/lp0 or tcp:host:9100.</source>
        <translation>ప్రింటర్ file:/path, device:/dev/usb/lp0 లేదా tcp:host:9100.</translation>
    </message>
    <message>
        <source>No receipt printer is set up.</source>
        <translation>రసీదు ప్రింటర్ అమర్చలేదు.</translation>
    </message>
    <message>
        <source>Cannot open the printer %1: %2</source>
        <translation>ప్రింటర్ %1 తెరవలేము: %2</translation>
    </message>
    <message>
        <source>Printing to %1 failed: %2</source>
        <translation>%1 కు ముద్రణ విఫలమైంది: %2</translation>
    </message>
    <message>
        <source>The printer at %1 did not answer.</source>
        <translation>%1 వద్ద ప్రింటర్ స్పందించలేదు.</translation>
    </message>
    <message>
        <source>Printer %1: %2</source>
        <translation>ప్రింటర్ %1: %2</translation>
    </message>
</context>
<context>
    <name>market::ui::ReturnController</name>
    <message>
        <source>Type or scan the receipt number.</source>
        <translation>రసీదు నంబర్ టైప్ చేయండి లేదా స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>This counter has made no sale yet.</source>
        <translation>ఈ కౌంటర్‌లో ఇంకా అమ్మకం జరగలేదు.</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>అలాంటి లైన్ లేదు.</translation>
    </message>
    <message>
        <source>Type a quantity such as 2 or 1.5.</source>
        <translation>2 లేదా 1.5 వంటి పరిమాణం టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Line %1: only %2 can still be returned.</source>
        <translation>లైన్ %1: ఇంకా %2 మాత్రమే వాపసు చేయవచ్చు.</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>కౌంటర్ లాక్ చేయబడింది.</translation>
    </message>
    <message>
        <source>Find the sale by its receipt number first.</source>
        <translation>ముందుగా రసీదు నంబర్‌తో అమ్మకాన్ని కనుగొనండి.</translation>
    </message>
    <message>
        <source>Type the quantity coming back on at least one line.</source>
        <translation>కనీసం ఒక లైన్‌లో వాపసు వచ్చే పరిమాణం టైప్ చేయండి.</translation>
    </message>
</context>
<context>
    <name>market::ui::ReturnLinesModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ఉత్పత్తి</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్మినది</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ధర</translation>
    </message>
    <message>
        <source>Can return</source>
        <translation>వాపసు చేయవచ్చు</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>ఇప్పుడు వాపసు</translation>
    </message>
</context>
<context>
    <name>market::ui::ReturnWidget</name>
    <message>
        <source>Receipt number, e.g. HYD01-1-000042 (scan or type, Enter)</source>
        <translation>రసీదు నంబర్, ఉదా. HYD01-1-000042 (స్కాన్ లేదా టైప్, Enter)</translation>
    </message>
    <message>
        <source>Reason (bruised, wrong grade, …)</source>
        <translation>కారణం (దెబ్బతిన్నది, తప్పు గ్రేడ్, …)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>వెతకండి</translation>
    </message>
    <message>
        <source>Last sale here</source>
        <translation>ఇక్కడ చివరి అమ్మకం</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>అమ్మకం</translation>
    </message>
    <message>
        <source>Refund by</source>
        <translation>వాపసు చెల్లింపు</translation>
    </message>
    <message>
        <source>Record return (Ctrl+S)</source>
        <translation>వాపసు నమోదు చేయండి (Ctrl+S)</translation>
    </message>
    <message>
        <source>Returned %1: credit reduced by %2, refund %3 by %4.</source>
        <translation>%1 వాపసు: అప్పు %2 తగ్గింది, %4 ద్వారా %3 తిరిగి ఇచ్చారు.</translation>
    </message>
    <message>
        <source>%1 · %2 · total %3 · on credit %4</source>
        <translation>%1 · %2 · మొత్తం %3 · అప్పు %4</translation>
    </message>
    <message>
        <source>Find the sale by its receipt number.</source>
        <translation>రసీదు నంబర్‌తో అమ్మకాన్ని కనుగొనండి.</translation>
    </message>
    <message>
        <source>Goods back: %1</source>
        <translation>వాపసు సరుకు: %1</translation>
    </message>
    <message>
        <source>Reprint (F10)</source>
        <translation>మళ్లీ ముద్రించు (F10)</translation>
    </message>
    <message>
        <source>Print a copy of the last credit note</source>
        <translation>చివరి క్రెడిట్ నోట్ ప్రతిని ముద్రించు</translation>
    </message>
</context>
<context>
    <name>market::ui::SaleSession</name>
    <message>
        <source>Type or scan a lot code.</source>
        <translation>లాట్ కోడ్ టైప్ లేదా స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>No lot with the code %1.</source>
        <translation>%1 కోడ్‌తో లాట్ లేదు.</translation>
    </message>
    <message>
        <source>Lot %1 is %2 and cannot be sold.</source>
        <translation>లాట్ %1 స్థితి %2, అమ్మలేము.</translation>
    </message>
    <message>
        <source>Type a quantity such as 12 or 12.5.</source>
        <translation>12 లేదా 12.5 వంటి పరిమాణం టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Type a price per unit such as 40 or 42.50.</source>
        <translation>యూనిట్ ధర టైప్ చేయండి, ఉదా. 40 లేదా 42.50.</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>అలాంటి వరుస లేదు.</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>కౌంటర్ లాక్ అయి ఉంది.</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>కార్ట్ ఖాళీగా ఉంది.</translation>
    </message>
    <message>
        <source>Give a reason for the override.</source>
        <translation>అనుమతికి కారణం ఇవ్వండి.</translation>
    </message>
    <message>
        <source>The manager types their username and PIN or password.</source>
        <translation>మేనేజర్ తమ వినియోగదారు పేరు, పిన్ లేదా పాస్‌వర్డ్ టైప్ చేయాలి.</translation>
    </message>
</context>
<context>
    <name>market::ui::SellWidget</name>
    <message>
        <source>Search a buyer (name, code or phone)</source>
        <translation>కొనుగోలుదారుని వెతకండి (పేరు, కోడ్ లేదా ఫోన్)</translation>
    </message>
    <message>
        <source>Walk-in buyer (cash only)</source>
        <translation>నగదు కొనుగోలుదారు (నగదు మాత్రమే)</translation>
    </message>
    <message>
        <source>Search lots by product</source>
        <translation>సరుకు ద్వారా లాట్‌లు వెతకండి</translation>
    </message>
    <message>
        <source>Type or scan a lot code</source>
        <translation>లాట్ కోడ్ టైప్ లేదా స్కాన్ చేయండి</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Next field; on the price, add the line</source>
        <translation>తర్వాతి ఖాళీ; ధరపై వరుస జోడించు</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Remove the selected cart line</source>
        <translation>ఎంచుకున్న కార్ట్ వరుస తొలగించు</translation>
    </message>
    <message>
        <source>Hold this sale</source>
        <translation>ఈ అమ్మకాన్ని నిలిపివేయి</translation>
    </message>
    <message>
        <source>Recall the oldest held sale</source>
        <translation>పాత నిలిపిన అమ్మకాన్ని తిరిగి తెచ్చు</translation>
    </message>
    <message>
        <source>Reprint the last receipt (marked COPY)</source>
        <translation>చివరి రసీదు మళ్ళీ ముద్రించు (నకలు)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>New sale (clear the cart)</source>
        <translation>కొత్త అమ్మకం (కార్ట్ ఖాళీ)</translation>
    </message>
    <message>
        <source>In the payment dialog: cash, UPI, card, bank, cheque, wallet</source>
        <translation>చెల్లింపులో: నగదు, UPI, కార్డ్, బ్యాంక్, చెక్, వాలెట్</translation>
    </message>
    <message>
        <source>Buyer: name, code or phone (F2) — F3 for walk-in</source>
        <translation>కొనుగోలుదారు: పేరు, కోడ్ లేదా ఫోన్ (F2) — నగదు F3</translation>
    </message>
    <message>
        <source>Walk-in (F3)</source>
        <translation>నగదు (F3)</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>కొనుగోలుదారు</translation>
    </message>
    <message>
        <source>Lot code or scan (F5)</source>
        <translation>లాట్ కోడ్ లేదా స్కాన్ (F5)</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>పరిమాణం</translation>
    </message>
    <message>
        <source>Price per unit</source>
        <translation>యూనిట్ ధర</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>జోడించు</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>వరుస జోడించు</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>లాట్</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>పరిమాణం</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ధర</translation>
    </message>
    <message>
        <source>Find lots by product (F4)</source>
        <translation>సరుకుతో లాట్‌లు వెతకండి (F4)</translation>
    </message>
    <message>
        <source>Lots on hand</source>
        <translation>ఉన్న లాట్‌లు</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>చెల్లింపు (F12)</translation>
    </message>
    <message>
        <source>Hold (F8)</source>
        <translation>నిలిపివేయి (F8)</translation>
    </message>
    <message>
        <source>Recall (F9)</source>
        <translation>తిరిగి తెచ్చు (F9)</translation>
    </message>
    <message>
        <source>Reprint (F10)</source>
        <translation>మళ్ళీ ముద్రించు (F10)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>కార్ట్</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · grade %3 · %4 %5 left · %n day(s) old</source>
        <translation>
            <numerusform>%1 · %2 · గ్రేడ్ %3 · %4 %5 మిగిలింది · %n రోజుల పాతది</numerusform>
            <numerusform>%1 · %2 · గ్రేడ్ %3 · %4 %5 మిగిలింది · %n రోజుల పాతది</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a quantity such as 12 or 12.5.</source>
        <translation>12 లేదా 12.5 వంటి పరిమాణం టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>The cart is empty: add a line first.</source>
        <translation>కార్ట్ ఖాళీ: ముందు వరుస జోడించండి.</translation>
    </message>
    <message>
        <source>Sale %1 saved.</source>
        <translation>అమ్మకం %1 భద్రపరచబడింది.</translation>
    </message>
    <message>
        <source>Sale held. F9 brings it back.</source>
        <translation>అమ్మకం నిలిపివేయబడింది. F9 తో తిరిగి వస్తుంది.</translation>
    </message>
    <message>
        <source>Nothing to hold.</source>
        <translation>నిలిపివేయడానికి ఏమీ లేదు.</translation>
    </message>
    <message>
        <source>No sale is on hold.</source>
        <translation>నిలిపిన అమ్మకం లేదు.</translation>
    </message>
    <message>
        <source>Held sale recalled.</source>
        <translation>నిలిపిన అమ్మకం తిరిగి వచ్చింది.</translation>
    </message>
    <message>
        <source>%1 %2 · outstanding %3 · limit %4</source>
        <translation>%1 %2 · బాకీ %3 · పరిమితి %4</translation>
    </message>
    <message>
        <source>Walk-in buyer: pays in full</source>
        <translation>నగదు కొనుగోలుదారు: పూర్తిగా చెల్లిస్తారు</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) · Total %1</source>
        <translation>
            <numerusform>%n వరుసలు · మొత్తం %1</numerusform>
            <numerusform>%n వరుసలు · మొత్తం %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cart is empty</source>
        <translation>కార్ట్ ఖాళీ</translation>
    </message>
    <message>
        <source>Cart needs fixing</source>
        <translation>కార్ట్ సరిచేయాలి</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) on hold</source>
        <translation>
            <numerusform>%n అమ్మకాలు నిలిపివేయబడ్డాయి</numerusform>
            <numerusform>%n అమ్మకాలు నిలిపివేయబడ్డాయి</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) · Goods %1 + charges %2 · Total %3</source>
        <translation>
            <numerusform>%n వరుసలు · సరుకు %1 + ఛార్జీలు %2 · మొత్తం %3</numerusform>
            <numerusform>%n వరుసలు · సరుకు %1 + ఛార్జీలు %2 · మొత్తం %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Commission %1%2</source>
        <translation>కమీషన్ %1%2</translation>
    </message>
    <message>
        <source> (on the bill)</source>
        <translation> (బిల్లుపై)</translation>
    </message>
    <message>
        <source> (from the farmers)</source>
        <translation> (రైతుల నుండి)</translation>
    </message>
    <message>
        <source>%1 %2 (on the bill)</source>
        <translation>%1 %2 (బిల్లుపై)</translation>
    </message>
    <message>
        <source>%1 %2 (from the farmers)</source>
        <translation>%1 %2 (రైతుల నుండి)</translation>
    </message>
    <message>
        <source>today&apos;s rate %1</source>
        <translation>ఈరోజు ధర %1</translation>
    </message>
</context>
<context>
    <name>market::ui::SessionController</name>
    <message>
        <source>Choose a user first.</source>
        <translation>ముందు వినియోగదారుని ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>మీ పిన్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>మీ పాస్‌వర్డ్ టైప్ చేయండి.</translation>
    </message>
</context>
<context>
    <name>market::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>అమరికలు</translation>
    </message>
    <message>
        <source> min</source>
        <translation> నిమి</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ఎప్పుడూ కాదు</translation>
    </message>
    <message>
        <source>80 mm (48 columns)</source>
        <translation>80 మి.మీ (48 అక్షరాలు)</translation>
    </message>
    <message>
        <source>58 mm (32 columns)</source>
        <translation>58 మి.మీ (32 అక్షరాలు)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Lock when idle after</source>
        <translation>నిష్క్రియంగా ఉంటే లాక్</translation>
    </message>
    <message>
        <source>Receipt &amp;printer</source>
        <translation>రసీదు ప్రింటర్</translation>
    </message>
    <message>
        <source>file:/path, device:/dev/usb/lp0 or tcp:host:9100; empty for none</source>
        <translation>file:/path, device:/dev/usb/lp0 లేదా tcp:host:9100; లేకపోతే ఖాళీ</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>కాగితం</translation>
    </message>
    <message>
        <source>PDF copies in folder</source>
        <translation>PDF నకళ్ళు ఈ ఫోల్డర్‌లో</translation>
    </message>
    <message>
        <source>PDF page size</source>
        <translation>PDF పేజీ పరిమాణం</translation>
    </message>
</context>
<context>
    <name>market::ui::SetupController</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>రెండు పాస్‌వర్డ్‌లు వేరుగా ఉన్నాయి.</translation>
    </message>
    <message>
        <source>The counter is already being enrolled.</source>
        <translation>కౌంటర్ నమోదు ఇప్పటికే జరుగుతోంది.</translation>
    </message>
    <message>
        <source>This data file already belongs to shop %1.</source>
        <translation>ఈ డేటా ఫైల్ ఇప్పటికే దుకాణం %1 కి చెందినది.</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, e.g. https://market.example:8443.</source>
        <translation>సర్వర్ చిరునామా టైప్ చేయండి, ఉదా. https://market.example:8443.</translation>
    </message>
    <message>
        <source>Type the shop&apos;s code on the server, e.g. HYD01.</source>
        <translation>సర్వర్‌లో దుకాణం కోడ్ టైప్ చేయండి, ఉదా. HYD01.</translation>
    </message>
    <message>
        <source>Type the one-time enrolment code a manager made on the server.</source>
        <translation>మేనేజర్ సర్వర్‌లో తయారు చేసిన ఒకసారి వాడే నమోదు కోడ్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Give this counter a name, e.g. Counter 2.</source>
        <translation>ఈ కౌంటర్‌కు పేరు ఇవ్వండి, ఉదా. కౌంటర్ 2.</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate file %1.</source>
        <translation>CA సర్టిఫికేట్ ఫైల్ %1 చదవలేము.</translation>
    </message>
</context>
<context>
    <name>market::ui::SetupWizard</name>
    <message>
        <source>Create a &amp;standalone shop on this counter</source>
        <translation>ఈ కౌంటర్‌పై స్వతంత్ర దుకాణం సృష్టించండి (&amp;S)</translation>
    </message>
    <message>
        <source>Set up this counter</source>
        <translation>ఈ కౌంటర్ అమరిక</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>స్వాగతం</translation>
    </message>
    <message>
        <source>This counter has no shop yet.</source>
        <translation>ఈ కౌంటర్‌కు ఇంకా దుకాణం లేదు.</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>మీ దుకాణం</translation>
    </message>
    <message>
        <source>Shop &amp;code</source>
        <translation>దుకాణం కోడ్</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>దుకాణం పేరు</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>&amp;Terminal number</source>
        <translation>కౌంటర్ సంఖ్య</translation>
    </message>
    <message>
        <source>Terminal n&amp;ame</source>
        <translation>కౌంటర్ పేరు</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>యజమాని</translation>
    </message>
    <message>
        <source>The first user; they can add cashiers later.</source>
        <translation>మొదటి వినియోగదారు; తర్వాత క్యాషియర్లను జోడించవచ్చు.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>వినియోగదారు పేరు</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>ప్రదర్శన పేరు</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>పాస్‌వర్డ్</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>పాస్‌వర్డ్ మళ్ళీ</translation>
    </message>
    <message>
        <source>&amp;Join a shop on a server (enrolment code)</source>
        <translation>సర్వర్‌లోని దుకాణంలో &amp;చేరండి (నమోదు కోడ్)</translation>
    </message>
    <message>
        <source>This build of market-pos has no sync engine.</source>
        <translation>ఈ market-pos బిల్డ్‌లో సింక్ ఇంజిన్ లేదు.</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1 of shop %2 at %3. Name the shop for its receipts.</source>
        <translation>%3 వద్ద దుకాణం %2 యొక్క టెర్మినల్ %1 గా నమోదైంది. రసీదుల కోసం దుకాణం పేరు ఇవ్వండి.</translation>
    </message>
</context>
<context>
    <name>market::ui::ShortcutsDialog</name>
    <message>
        <source>This list</source>
        <translation>ఈ జాబితా</translation>
    </message>
    <message>
        <source>Sell screen</source>
        <translation>అమ్మకం తెర</translation>
    </message>
    <message>
        <source>Arrivals screen</source>
        <translation>రాక తెర</translation>
    </message>
    <message>
        <source>Collect screen</source>
        <translation>వసూలు తెర</translation>
    </message>
    <message>
        <source>Lock the counter</source>
        <translation>కౌంటర్ లాక్ చేయండి</translation>
    </message>
    <message>
        <source>Switch cashier</source>
        <translation>క్యాషియర్ మార్చండి</translation>
    </message>
    <message>
        <source>Settings (language, printer)</source>
        <translation>అమరికలు (భాష, ప్రింటర్)</translation>
    </message>
    <message>
        <source>Arrivals / Collect: record</source>
        <translation>రాక / వసూలు: నమోదు</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>నిష్క్రమించు</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>కీబోర్డ్ షార్ట్‌కట్‌లు</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>కీ</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>ఏమి చేస్తుంది</translation>
    </message>
    <message>
        <source>Drawer: open, cash in/out, close</source>
        <translation>డ్రాయర్: తెరవడం, నగదు జమ/తీసివేత, మూసివేయడం</translation>
    </message>
    <message>
        <source>Returns against a receipt</source>
        <translation>రసీదుపై వాపసు</translation>
    </message>
    <message>
        <source>Returns: reprint the last credit note</source>
        <translation>వాపసులు: చివరి క్రెడిట్ నోట్ మళ్లీ ముద్రించు</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncProblemModel</name>
    <message>
        <source>Set aside</source>
        <translation>పక్కన పెట్టినవి</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>అసాధారణం</translation>
    </message>
    <message>
        <source>Waiting to apply</source>
        <translation>వర్తించడానికి వేచి ఉంది</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>అమ్మకం</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>వాపసు</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>రాక</translation>
    </message>
    <message>
        <source>Lot status</source>
        <translation>లాట్ స్థితి</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>వసూలు</translation>
    </message>
    <message>
        <source>Commission confirmed</source>
        <translation>కమీషన్ నిర్ధారణ</translation>
    </message>
    <message>
        <source>Farmer payment</source>
        <translation>రైతు చెల్లింపు</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>ఖర్చు</translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation>స్టాక్ సర్దుబాటు</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>డ్రాయర్ తెరిచారు</translation>
    </message>
    <message>
        <source>Cash in or out</source>
        <translation>నగదు లోపలికి లేదా బయటికి</translation>
    </message>
    <message>
        <source>Drawer closed</source>
        <translation>డ్రాయర్ మూసివేశారు</translation>
    </message>
    <message>
        <source>Farmer or buyer</source>
        <translation>రైతు లేదా కొనుగోలుదారు</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ఉత్పత్తి</translation>
    </message>
    <message>
        <source>User</source>
        <translation>వినియోగదారు</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>రుసుము</translation>
    </message>
    <message>
        <source>Commission rule</source>
        <translation>కమీషన్ నియమం</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>సెట్టింగ్</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>దుకాణం</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>కౌంటర్</translation>
    </message>
    <message>
        <source>Lot oversold</source>
        <translation>లాట్‌కు మించి అమ్మకం</translation>
    </message>
    <message>
        <source>Credit limit crossed</source>
        <translation>అప్పు పరిమితి దాటింది</translation>
    </message>
    <message>
        <source>Sale from an unknown lot</source>
        <translation>తెలియని లాట్ నుండి అమ్మకం</translation>
    </message>
    <message>
        <source>Returned more than sold</source>
        <translation>అమ్మినదానికంటే ఎక్కువ వాపసు</translation>
    </message>
    <message>
        <source>Audit chain broken</source>
        <translation>ఆడిట్ గొలుసు తెగింది</translation>
    </message>
    <message>
        <source>Resolve on the server</source>
        <translation>సర్వర్‌లో పరిష్కరించాలి</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>తెరిచి ఉంది</translation>
    </message>
    <message>
        <source>Lot has arrived</source>
        <translation>లాట్ వచ్చింది</translation>
    </message>
    <message>
        <source>Closed, raised again</source>
        <translation>మూసివేశారు, మళ్ళీ వచ్చింది</translation>
    </message>
    <message>
        <source>Retried at every sync</source>
        <translation>ప్రతి సింక్‌లో మళ్ళీ ప్రయత్నం</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s)</source>
        <translation>
            <numerusform>%n ఆపరేషన్</numerusform>
            <numerusform>%n ఆపరేషన్లు</numerusform>
        </translation>
    </message>
    <message>
        <source>Operation %1</source>
        <translation>ఆపరేషన్ %1</translation>
    </message>
    <message>
        <source>Operations %1–%2</source>
        <translation>ఆపరేషన్లు %1–%2</translation>
    </message>
    <message>
        <source>Lot %1</source>
        <translation>లాట్ %1</translation>
    </message>
    <message>
        <source>Party %1</source>
        <translation>పార్టీ %1</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>ఉత్పత్తి %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>రసీదు %1</translation>
    </message>
    <message>
        <source>Receipt line %1</source>
        <translation>రసీదు పంక్తి %1</translation>
    </message>
    <message>
        <source>Return on receipt %1</source>
        <translation>రసీదు %1 పై వాపసు</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>కౌంటర్ %1</translation>
    </message>
    <message>
        <source>Received %1, sold %2, returned %3, adjusted %4: %5 more went out than came in</source>
        <translation>వచ్చింది %1, అమ్మింది %2, వాపసు %3, సర్దుబాటు %4: వచ్చినదానికంటే %5 ఎక్కువ వెళ్ళింది</translation>
    </message>
    <message>
        <source>Owes %1, over the credit limit of %2</source>
        <translation>బాకీ %1, అప్పు పరిమితి %2 దాటింది</translation>
    </message>
    <message>
        <source>%1 sold from a lot the server had not received</source>
        <translation>సర్వర్‌కు ఇంకా అందని లాట్ నుండి %1 అమ్మారు</translation>
    </message>
    <message>
        <source>%1 returned of %2 sold</source>
        <translation>అమ్మిన %2 లో %1 వాపసు</translation>
    </message>
    <message>
        <source>The audit chain does not link at operation %1</source>
        <translation>ఆపరేషన్ %1 వద్ద ఆడిట్ గొలుసు కలవడం లేదు</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>సమస్య</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ఏమిటి</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>పత్రం</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>ఎందుకు</translation>
    </message>
    <message>
        <source>When</source>
        <translation>ఎప్పుడు</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>పత్రం: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ఐడి: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>స్థితి: %1</translation>
    </message>
    <message>
        <source>Set aside on: %1</source>
        <translation>పక్కన పెట్టినది: %1</translation>
    </message>
    <message>
        <source>Found by: this counter, before sending</source>
        <translation>గుర్తించినది: ఈ కౌంటరే, పంపే ముందు</translation>
    </message>
    <message>
        <source>Found by: the server</source>
        <translation>గుర్తించినది: సర్వర్</translation>
    </message>
    <message>
        <source>Operation type: %1</source>
        <translation>ఆపరేషన్ రకం: %1</translation>
    </message>
    <message>
        <source>Outbox number: %1</source>
        <translation>ఔట్‌బాక్స్ సంఖ్య: %1</translation>
    </message>
    <message numerus="yes">
        <source>Outbox numbers: %1–%2 (%n operation(s))</source>
        <translation>
            <numerusform>ఔట్‌బాక్స్ సంఖ్యలు: %1–%2 (%n ఆపరేషన్)</numerusform>
            <numerusform>ఔట్‌బాక్స్ సంఖ్యలు: %1–%2 (%n ఆపరేషన్లు)</numerusform>
        </translation>
    </message>
    <message>
        <source>Operation id: %1</source>
        <translation>ఆపరేషన్ ఐడి: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>కారణం: %1</translation>
    </message>
    <message>
        <source>What to do: selling goes on. The server keeps the operation with its reason; the owner resolves it there (owner API, quarantine list). This counter does not send it again.</source>
        <translation>ఏం చేయాలి: అమ్మకాలు కొనసాగుతాయి. సర్వర్ ఈ ఆపరేషన్‌ను దాని కారణంతో ఉంచుతుంది; యజమాని దాన్ని అక్కడే పరిష్కరిస్తారు (యజమాని API, క్వారంటైన్ జాబితా). ఈ కౌంటర్ దీన్ని మళ్ళీ పంపదు.</translation>
    </message>
    <message>
        <source>Received on: %1</source>
        <translation>అందినది: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>రకం: %1</translation>
    </message>
    <message>
        <source>Figures: %1</source>
        <translation>అంకెలు: %1</translation>
    </message>
    <message>
        <source>As sent by the server: %1</source>
        <translation>సర్వర్ పంపినట్లుగా: %1</translation>
    </message>
    <message>
        <source>Feed position: %1</source>
        <translation>ఫీడ్ స్థానం: %1</translation>
    </message>
    <message>
        <source>What to do: nothing; this is kept for the record.</source>
        <translation>ఏం చేయాలి: ఏమీ లేదు; ఇది రికార్డు కోసం ఉంచబడింది.</translation>
    </message>
    <message>
        <source>Waiting since: %1</source>
        <translation>ఎప్పటి నుండి వేచి ఉంది: %1</translation>
    </message>
    <message>
        <source>From counter: %1</source>
        <translation>ఏ కౌంటర్ నుండి: %1</translation>
    </message>
    <message>
        <source>What to do: usually nothing. It is retried after every sync and applies once what it needs has arrived here.</source>
        <translation>ఏం చేయాలి: సాధారణంగా ఏమీ లేదు. ప్రతి సింక్ తర్వాత మళ్ళీ ప్రయత్నిస్తుంది; దానికి కావలసినది ఇక్కడికి రాగానే వర్తిస్తుంది.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n రోజు</numerusform>
            <numerusform>%n రోజులు</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 గం</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 గం %2 ని</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 ని</translation>
    </message>
    <message>
        <source>Counter clock ahead</source>
        <translation>కౌంటర్ గడియారం ముందుంది</translation>
    </message>
    <message>
        <source>Operations lost in a server restore</source>
        <translation>సర్వర్ రీస్టోర్‌లో పోయిన చర్యలు</translation>
    </message>
    <message>
        <source>Resolved on the server</source>
        <translation>సర్వర్‌లో పరిష్కరించబడింది</translation>
    </message>
    <message>
        <source>Operation %1 was dated %2 ahead of the server&apos;s clock: set this counter&apos;s date and time</source>
        <translation>చర్య %1 తేదీ సర్వర్ గడియారం కంటే %2 ముందుంది: ఈ కౌంటర్ తేదీ, సమయం సరిచేయండి</translation>
    </message>
    <message>
        <source>Operations %1–%2 of this counter were not in the restored server and could not be sent again</source>
        <translation>ఈ కౌంటర్ చర్యలు %1–%2 రీస్టోర్ చేసిన సర్వర్‌లో లేవు, మళ్లీ పంపలేకపోయాం</translation>
    </message>
    <message>
        <source>Resolved on: %1</source>
        <translation>పరిష్కరించిన సమయం: %1</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>పరిష్కారం: %1</translation>
    </message>
    <message>
        <source>What to do: check the goods or the account named here. The owner or a manager resolves the anomaly on the server (owner API); the resolution reaches this list with the next sync.</source>
        <translation>ఏం చేయాలి: ఇక్కడ పేర్కొన్న సరుకు లేదా ఖాతా తనిఖీ చేయండి. యజమాని లేదా మేనేజర్ సర్వర్‌లో (ఓనర్ API) అసాధారణతను పరిష్కరిస్తారు; పరిష్కారం తదుపరి సింక్‌తో ఈ జాబితాకు చేరుతుంది.</translation>
    </message>
    <message>
        <source>Product rate</source>
        <translation>సరుకు ధర</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>సింక్ సమస్యలు</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>అన్ని సమస్యలు</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>పక్కన పెట్టినవి</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>అసాధారణాలు</translation>
    </message>
    <message>
        <source>Waiting to apply</source>
        <translation>వర్తించడానికి వేచి ఉంది</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>చూపించు (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>వివరాలు కాపీ చేయి (&amp;C)</translation>
    </message>
    <message>
        <source>Copy the &amp;list</source>
        <translation>జాబితా కాపీ చేయి (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>రిఫ్రెష్ (&amp;R)</translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation>జాబితాను చదవలేకపోయాం: %1</translation>
    </message>
    <message>
        <source>This counter is its own shop: nothing is synchronised, so nothing can go wrong here.</source>
        <translation>ఈ కౌంటర్ తనే ఒక దుకాణం: ఏదీ సింక్ కాదు, కాబట్టి ఇక్కడ ఏ సమస్యా రాదు.</translation>
    </message>
    <message>
        <source>No sync problems on this counter.</source>
        <translation>ఈ కౌంటర్‌లో సింక్ సమస్యలు లేవు.</translation>
    </message>
    <message>
        <source>Set aside: %1 · Anomalies: %2 · Waiting to apply: %3</source>
        <translation>పక్కన పెట్టినవి: %1 · అసాధారణాలు: %2 · వర్తించడానికి వేచి ఉన్నవి: %3</translation>
    </message>
    <message>
        <source>None of these stops selling. What the server set aside and its anomalies are resolved by the owner on the server; documents waiting here are retried at every sync.</source>
        <translation>వీటిలో ఏదీ అమ్మకాన్ని ఆపదు. సర్వర్ పక్కన పెట్టినవాటినీ దాని అసాధారణాలనూ యజమాని సర్వర్‌లో పరిష్కరిస్తారు; ఇక్కడ వేచి ఉన్న పత్రాలను ప్రతి సింక్‌లో మళ్ళీ ప్రయత్నిస్తారు.</translation>
    </message>
    <message>
        <source>Select a row to see everything this counter knows about it.</source>
        <translation>దాని గురించి ఈ కౌంటర్‌కు తెలిసినదంతా చూడటానికి ఒక వరుసను ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>మూసివేయి</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncStatusWidget</name>
    <message>
        <source>Standalone shop</source>
        <translation>స్వతంత్ర దుకాణం</translation>
    </message>
    <message>
        <source>Online · all sent</source>
        <translation>ఆన్‌లైన్ · అన్నీ పంపబడ్డాయి</translation>
    </message>
    <message numerus="yes">
        <source>Online · %n to send</source>
        <translation>
            <numerusform>ఆన్‌లైన్ · %n పంపాలి</numerusform>
            <numerusform>ఆన్‌లైన్ · %n పంపాలి</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n to send, oldest %1 min</source>
        <translation>
            <numerusform>ఆఫ్‌లైన్ · %n పంపాలి, పాతది %1 నిమి</numerusform>
            <numerusform>ఆఫ్‌లైన్ · %n పంపాలి, పాతది %1 నిమి</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>సింక్ సమస్య</translation>
    </message>
    <message>
        <source>Server: %1
Waiting to send: %2
Oldest waiting: %3 min</source>
        <translation>సర్వర్: %1
పంపాల్సినవి: %2
పాతది: %3 నిమి</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>సమస్య: %1</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>సమకాలీకరణ</translation>
    </message>
    <message numerus="yes">
        <source> · %n to check</source>
        <translation>
            <numerusform> · %n తనిఖీ చేయాలి</numerusform>
            <numerusform> · %n తనిఖీ చేయాలి</numerusform>
        </translation>
    </message>
    <message>
        <source>This counter is its own shop: everything is stored here. A new counter joins a shop on a server from the setup wizard (or marketctl enrol).</source>
        <translation>ఈ కౌంటర్ తనే ఒక దుకాణం: అంతా ఇక్కడే నిల్వ అవుతుంది. కొత్త కౌంటర్ సెటప్ విజార్డ్ (లేదా marketctl enrol) ద్వారా సర్వర్‌లోని దుకాణంలో చేరుతుంది.</translation>
    </message>
    <message>
        <source>Set aside (could not apply): %1</source>
        <translation>పక్కన పెట్టినవి (వర్తించలేదు): %1</translation>
    </message>
    <message>
        <source>Anomalies raised by the server: %1</source>
        <translation>సర్వర్ గుర్తించిన అసాధారణాలు: %1</translation>
    </message>
    <message>
        <source>A manager sees the list under Counter → Sync problems.</source>
        <translation>మేనేజర్ ఈ జాబితాను కౌంటర్ → సింక్ సమస్యలు లో చూస్తారు.</translation>
    </message>
    <message>
        <source>Offline since: %1</source>
        <translation>ఆఫ్‌లైన్ ఎప్పటి నుండి: %1</translation>
    </message>
</context>
</TS>
