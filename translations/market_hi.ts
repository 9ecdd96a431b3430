<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AuthService</name>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>पासवर्ड में कम से कम 8 अक्षर हों।</translation>
    </message>
    <message>
        <source>A password needs a letter or a sign besides digits (digits alone are a PIN).</source>
        <translation>पासवर्ड में अंकों के अलावा अक्षर या चिह्न भी हो (केवल अंक पिन होते हैं)।</translation>
    </message>
    <message>
        <source>Wrong username or %1.</source>
        <translation>गलत उपयोगकर्ता नाम या %1।</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>This user is deactivated.</source>
        <translation>यह उपयोगकर्ता निष्क्रिय है।</translation>
    </message>
    <message>
        <source>Too many failed attempts: %1 is locked for %2 more minute(s).</source>
        <translation>बहुत सारे गलत प्रयास: %1 अभी %2 मिनट और लॉक है।</translation>
    </message>
    <message>
        <source>Too many failed attempts: %1 is locked for %2 minutes.</source>
        <translation>बहुत सारे गलत प्रयास: %1 को %2 मिनट के लिए लॉक किया गया।</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>पिन में 4 से 8 अंक होते हैं।</translation>
    </message>
    <message>
        <source>%1 is not allowed to approve this.</source>
        <translation>%1 को इसकी अनुमति देने का अधिकार नहीं है।</translation>
    </message>
    <message>
        <source>Only an owner can create another owner.</source>
        <translation>केवल मालिक ही दूसरा मालिक बना सकता है।</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>The username %1 is taken.</source>
        <translation>उपयोगकर्ता नाम %1 पहले से लिया गया है।</translation>
    </message>
    <message>
        <source>Could not hash the password (out of memory?).</source>
        <translation>पासवर्ड हैश नहीं हो सका (मेमोरी कम?)।</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>ऐसा कोई उपयोगकर्ता नहीं।</translation>
    </message>
    <message>
        <source>Could not hash the PIN (out of memory?).</source>
        <translation>पिन हैश नहीं हो सका (मेमोरी कम?)।</translation>
    </message>
</context>
<context>
    <name>CashSessionService</name>
    <message>
        <source>Open the cash drawer (start a cash session) before taking or paying out cash.</source>
        <translation>नकद लेने या देने से पहले कैश ड्रॉअर खोलें (कैश सत्र शुरू करें)।</translation>
    </message>
    <message>
        <source>The opening float must be zero or more.</source>
        <translation>शुरुआती नकद शून्य या अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>A cash session is already open at this counter.</source>
        <translation>इस काउंटर पर कैश सत्र पहले से खुला है।</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>No cash session is open at this counter.</source>
        <translation>इस काउंटर पर कोई कैश सत्र खुला नहीं है।</translation>
    </message>
    <message>
        <source>The drawer should hold only %1.</source>
        <translation>ड्रॉअर में केवल %1 होना चाहिए।</translation>
    </message>
    <message>
        <source>No such cash session.</source>
        <translation>ऐसा कोई कैश सत्र नहीं है।</translation>
    </message>
    <message>
        <source>Each note or coin needs a positive value and a count.</source>
        <translation>हर नोट या सिक्के का मूल्य और गिनती धनात्मक होनी चाहिए।</translation>
    </message>
    <message>
        <source>The counted cash does not match the notes and coins counted.</source>
        <translation>गिना गया नकद गिने गए नोटों और सिक्कों से मेल नहीं खाता।</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer.</source>
        <translation>ड्रॉअर में गिना गया नकद दर्ज करें।</translation>
    </message>
    <message>
        <source>The counted cash must be zero or more.</source>
        <translation>गिना गया नकद शून्य या अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>No cash session is open at this counter; a closed session is final.</source>
        <translation>इस काउंटर पर कोई कैश सत्र खुला नहीं है; बंद सत्र अंतिम है।</translation>
    </message>
</context>
<context>
    <name>CollectionService</name>
    <message>
        <source>The amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>No such buyer.</source>
        <translation>ऐसा कोई खरीदार नहीं।</translation>
    </message>
    <message>
        <source>%1 owes nothing.</source>
        <translation>%1 पर कोई बकाया नहीं।</translation>
    </message>
    <message>
        <source>%1 owes only %2; %3 is more than that.</source>
        <translation>%1 पर केवल %2 बकाया है; %3 उससे ज़्यादा है।</translation>
    </message>
    <message>
        <source>Credit details do not add up to the buyer&apos;s dues.</source>
        <translation>उधार विवरण खरीदार के बकाये से मेल नहीं खाते।</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>संदर्भ</translation>
    </message>
</context>
<context>
    <name>PdfReceipt</name>
    <message>
        <source>Could not write the PDF %1.</source>
        <translation>PDF %1 नहीं लिखी जा सकी।</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>%1 (%2) is not allowed to do this; a manager must.</source>
        <translation>%1 (%2) को यह करने की अनुमति नहीं; मैनेजर करें।</translation>
    </message>
</context>
<context>
    <name>ReceiptBuilder</name>
    <message>
        <source>COPY</source>
        <translation>प्रतिलिपि</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>बिक्री रसीद</translation>
    </message>
    <message>
        <source>Receipt no</source>
        <translation>रसीद नं.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>खरीदार</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>नकद ग्राहक</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>दिया गया</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>वापसी</translation>
    </message>
    <message>
        <source>On credit</source>
        <translation>उधार</translation>
    </message>
    <message>
        <source>Your outstanding</source>
        <translation>आपका बकाया</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>धन्यवाद</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>भुगतान रसीद</translation>
    </message>
    <message>
        <source>Credit %1</source>
        <translation>उधार %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>प्राप्त</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>संदर्भ</translation>
    </message>
    <message>
        <source>Arrival slip</source>
        <translation>आवक पर्ची</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>किसान</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>बोरे/क्रेट</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>कुल वज़न</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>टेयर (खाली वज़न)</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>ग्रेड</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>वाहन</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>प्राप्तकर्ता</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>माल</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>कमीशन</translation>
    </message>
    <message>
        <source>Credit note (return)</source>
        <translation>क्रेडिट नोट (वापसी)</translation>
    </message>
    <message>
        <source>Return no</source>
        <translation>वापसी सं.</translation>
    </message>
    <message>
        <source>Original receipt</source>
        <translation>मूल रसीद</translation>
    </message>
    <message>
        <source>Charges given back</source>
        <translation>लौटाए गए शुल्क</translation>
    </message>
    <message>
        <source>Total returned</source>
        <translation>कुल वापसी</translation>
    </message>
    <message>
        <source>Credit reduced</source>
        <translation>उधार में कमी</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>वापसी भुगतान %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
</context>
<context>
    <name>ReturnService</name>
    <message>
        <source>No such sale line.</source>
        <translation>बिक्री की ऐसी कोई पंक्ति नहीं।</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Choose at least one line to return.</source>
        <translation>वापसी के लिए कम से कम एक पंक्ति चुनें।</translation>
    </message>
    <message>
        <source>That line is not on receipt %1.</source>
        <translation>वह पंक्ति रसीद %1 पर नहीं है।</translation>
    </message>
    <message>
        <source>The quantity to return must be more than zero.</source>
        <translation>वापसी की मात्रा शून्य से अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <source>Line %1 is counted in whole units.</source>
        <translation>पंक्ति %1 पूरी इकाइयों में गिनी जाती है।</translation>
    </message>
    <message>
        <source>Line %1 sold %2; only %3 can still be returned.</source>
        <translation>पंक्ति %1 में %2 बिका; अब केवल %3 वापस हो सकता है।</translation>
    </message>
    <message>
        <source>The return comes to nothing; check the quantities.</source>
        <translation>वापसी का मूल्य शून्य है; मात्रा जाँचें।</translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <source>This counter has no shop yet.</source>
        <translation>इस काउंटर पर अभी कोई दुकान नहीं है।</translation>
    </message>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>बिक्री में कम से कम एक पंक्ति चाहिए।</translation>
    </message>
    <message>
        <source>A sale can have at most %1 lines.</source>
        <translation>एक बिक्री में अधिकतम %1 पंक्तियाँ।</translation>
    </message>
    <message>
        <source>A sale can have at most %1 payments.</source>
        <translation>एक बिक्री में अधिकतम %1 भुगतान।</translation>
    </message>
    <message>
        <source>No such buyer.</source>
        <translation>ऐसा कोई खरीदार नहीं।</translation>
    </message>
    <message>
        <source>%1 is a farmer, not a buyer.</source>
        <translation>%1 किसान है, खरीदार नहीं।</translation>
    </message>
    <message>
        <source>The buyer %1 is deactivated.</source>
        <translation>खरीदार %1 निष्क्रिय है।</translation>
    </message>
    <message>
        <source>Walk-in name</source>
        <translation>नकद ग्राहक का नाम</translation>
    </message>
    <message>
        <source>Line %1: no such lot.</source>
        <translation>पंक्ति %1: ऐसा कोई लॉट नहीं।</translation>
    </message>
    <message>
        <source>Line %1: lot %2 is %3 and cannot be sold.</source>
        <translation>पंक्ति %1: लॉट %2 की स्थिति %3 है, बेचा नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Line %1: the quantity must be more than zero.</source>
        <translation>पंक्ति %1: मात्रा शून्य से अधिक हो।</translation>
    </message>
    <message>
        <source>Line %1: %2 is sold in whole %3s.</source>
        <translation>पंक्ति %1: %2 पूरे %3 में बिकता है।</translation>
    </message>
    <message>
        <source>Line %1: the price must be more than zero.</source>
        <translation>पंक्ति %1: भाव शून्य से अधिक हो।</translation>
    </message>
    <message>
        <source>Line %1: lot %2 has only %3 %4 left.</source>
        <translation>पंक्ति %1: लॉट %2 में केवल %3 %4 शेष है।</translation>
    </message>
    <message>
        <source>Line %1: the amount is too large.</source>
        <translation>पंक्ति %1: राशि बहुत बड़ी है।</translation>
    </message>
    <message>
        <source>Line %1: the amount rounds to nothing; check the quantity and price.</source>
        <translation>पंक्ति %1: राशि शून्य बनती है; मात्रा और भाव जाँचें।</translation>
    </message>
    <message>
        <source>The bill total is too large.</source>
        <translation>बिल का कुल बहुत बड़ा है।</translation>
    </message>
    <message>
        <source>Each payment must be more than zero.</source>
        <translation>हर भुगतान शून्य से अधिक हो।</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>भुगतान संदर्भ</translation>
    </message>
    <message>
        <source>Non-cash payments (%1) are more than the bill (%2); change is given only in cash.</source>
        <translation>गैर-नकद भुगतान (%1) बिल (%2) से अधिक है; वापसी केवल नकद में दी जाती है।</translation>
    </message>
    <message>
        <source>A walk-in buyer pays in full: %1 is still unpaid.</source>
        <translation>नकद ग्राहक पूरा भुगतान करता है: %1 अभी बाकी है।</translation>
    </message>
    <message>
        <source>Credit of %1 would take the buyer&apos;s dues to %2, above the limit of %3. A manager can approve it.</source>
        <translation>%1 का उधार खरीदार का बकाया %2 कर देगा, जो सीमा %3 से ऊपर है। मैनेजर अनुमति दे सकते हैं।</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>अनुमति का कारण</translation>
    </message>
    <message>
        <source>No such sale.</source>
        <translation>ऐसी कोई बिक्री नहीं।</translation>
    </message>
    <message>
        <source>No sale has the receipt number %1.</source>
        <translation>रसीद नं. %1 की कोई बिक्री नहीं।</translation>
    </message>
    <message>
        <source>The commission of %1 is already confirmed.</source>
        <translation>%1 का कमीशन पहले से पक्का है।</translation>
    </message>
    <message>
        <source>Line %1: the farmer&apos;s commission and charges (%2) would be more than the line&apos;s amount (%3); check the price.</source>
        <translation>पंक्ति %1: किसान का कमीशन और शुल्क (%2) पंक्ति की राशि (%3) से अधिक हो जाएगा; दाम जाँचें।</translation>
    </message>
    <message>
        <source>Line %1: packages must be between 0 and %2.</source>
        <translation>पंक्ति %1: बोरियाँ 0 से %2 के बीच होनी चाहिए।</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Counter for produce-market commission shops.</source>
        <translation>मंडी कमीशन दुकानों का काउंटर।</translation>
    </message>
    <message>
        <source>Folder of the shop&apos;s data file.</source>
        <translation>दुकान की डेटा फ़ाइल का फ़ोल्डर।</translation>
    </message>
    <message>
        <source>Create a demo shop if the store is empty.</source>
        <translation>डेटा खाली हो तो डेमो दुकान बनाएँ।</translation>
    </message>
    <message>
        <source>Language: en, hi or te.</source>
        <translation>भाषा: en, hi या te।</translation>
    </message>
    <message>
        <source>Save screenshots of every screen in every language and quit (with --demo).</source>
        <translation>हर भाषा में हर स्क्रीन का स्क्रीनशॉट सहेजें और बंद करें (--demo के साथ)।</translation>
    </message>
</context>
<context>
    <name>market::ui::ArrivalController</name>
    <message>
        <source>The counter is locked.</source>
        <translation>काउंटर लॉक है।</translation>
    </message>
    <message>
        <source>Choose the farmer (search, or create a new one).</source>
        <translation>किसान चुनें (खोजें या नया बनाएँ)।</translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation>उत्पाद चुनें।</translation>
    </message>
    <message>
        <source>%1: type a number such as 120 or 120.5.</source>
        <translation>%1: 120 या 120.5 जैसी संख्या लिखें।</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>कुल वज़न</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>टेयर (खाली वज़न)</translation>
    </message>
    <message>
        <source>Packages: type a whole number.</source>
        <translation>बोरे/क्रेट: पूर्ण संख्या लिखें।</translation>
    </message>
</context>
<context>
    <name>market::ui::ArrivalWidget</name>
    <message>
        <source>Farmer: name, code or phone</source>
        <translation>किसान: नाम, कोड या फ़ोन</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>or net directly</source>
        <translation>या सीधे शुद्ध वज़न</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>फ़ोन (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>किसान</translation>
    </message>
    <message>
        <source>New farmer</source>
        <translation>नया किसान</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>P&amp;ackages</source>
        <translation>बोरे/क्रेट</translation>
    </message>
    <message>
        <source>&amp;Gross</source>
        <translation>कुल वज़न</translation>
    </message>
    <message>
        <source>&amp;Tare</source>
        <translation>टेयर</translation>
    </message>
    <message>
        <source>&amp;Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>G&amp;rade</source>
        <translation>ग्रेड</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>वाहन</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Record and print slip (Ctrl+S)</source>
        <translation>दर्ज करें और पर्ची छापें (Ctrl+S)</translation>
    </message>
    <message>
        <source>Lots on hand, newest first</source>
        <translation>मौजूद लॉट, नए पहले</translation>
    </message>
    <message>
        <source>Farmer: %1 %2</source>
        <translation>किसान: %1 %2</translation>
    </message>
    <message>
        <source>Farmer: %1 %2 (new)</source>
        <translation>किसान: %1 %2 (नया)</translation>
    </message>
    <message>
        <source>Farmer %1 created.</source>
        <translation>किसान %1 बनाया गया।</translation>
    </message>
    <message>
        <source>Net: %1</source>
        <translation>शुद्ध: %1</translation>
    </message>
    <message>
        <source>Lot %1 recorded: %2.</source>
        <translation>लॉट %1 दर्ज: %2।</translation>
    </message>
</context>
<context>
    <name>market::ui::CartModel</name>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>किसान</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>भाव</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>कमीशन</translation>
    </message>
</context>
<context>
    <name>market::ui::CollectController</name>
    <message>
        <source>Type the amount received, such as 500 or 1,250.50.</source>
        <translation>प्राप्त राशि लिखें, जैसे 500 या 1,250.50।</translation>
    </message>
    <message>
        <source>Choose the buyer first.</source>
        <translation>पहले खरीदार चुनें।</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>काउंटर लॉक है।</translation>
    </message>
</context>
<context>
    <name>market::ui::CollectWidget</name>
    <message>
        <source>Buyer: name, code or phone</source>
        <translation>खरीदार: नाम, कोड या फ़ोन</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>प्राप्त राशि</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>संदर्भ (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>खरीदार</translation>
    </message>
    <message>
        <source>Open credits, oldest first</source>
        <translation>बकाया उधार, पुराने पहले</translation>
    </message>
    <message>
        <source>Collect and print (Enter)</source>
        <translation>वसूली करें और छापें (Enter)</translation>
    </message>
    <message>
        <source>%1 owes %2 (limit %3)</source>
        <translation>%1 पर बकाया %2 (सीमा %3)</translation>
    </message>
    <message>
        <source>Choose a buyer</source>
        <translation>खरीदार चुनें</translation>
    </message>
    <message>
        <source>Received %1. Outstanding now %2.</source>
        <translation>%1 प्राप्त। अब बकाया %2।</translation>
    </message>
</context>
<context>
    <name>market::ui::DrawerController</name>
    <message>
        <source>Type an amount such as 500 or 1,250.50.</source>
        <translation>500 या 1,250.50 जैसी राशि लिखें।</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>काउंटर लॉक है।</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and type the total.</source>
        <translation>ड्रॉअर का नकद गिनें और कुल लिखें।</translation>
    </message>
</context>
<context>
    <name>market::ui::DrawerWidget</name>
    <message>
        <source>Open drawer</source>
        <translation>ड्रॉअर खोलें</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>नकद जमा</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>नकद निकासी</translation>
    </message>
    <message>
        <source>Close drawer (Z)</source>
        <translation>ड्रॉअर बंद करें (Z)</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>शुरुआती नकद</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Reason (change from bank, tea, …)</source>
        <translation>कारण (बैंक से खुले पैसे, चाय, …)</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>ड्रॉअर में गिना गया नकद</translation>
    </message>
    <message>
        <source>Start of day</source>
        <translation>दिन की शुरुआत</translation>
    </message>
    <message>
        <source>Cash in or out</source>
        <translation>नकद जमा या निकासी</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>आंकड़े</translation>
    </message>
    <message>
        <source>End of day</source>
        <translation>दिन का अंत</translation>
    </message>
    <message>
        <source>Drawer opened with %1.</source>
        <translation>ड्रॉअर %1 के साथ खोला गया।</translation>
    </message>
    <message>
        <source>%1 put into the drawer.</source>
        <translation>%1 ड्रॉअर में रखे गए।</translation>
    </message>
    <message>
        <source>%1 taken out of the drawer.</source>
        <translation>%1 ड्रॉअर से निकाले गए।</translation>
    </message>
    <message>
        <source>Drawer closed. The cash matches.</source>
        <translation>ड्रॉअर बंद। नकद मेल खाता है।</translation>
    </message>
    <message>
        <source>Drawer closed. %1 short.</source>
        <translation>ड्रॉअर बंद। %1 कम।</translation>
    </message>
    <message>
        <source>Drawer closed. %1 over.</source>
        <translation>ड्रॉअर बंद। %1 अधिक।</translation>
    </message>
    <message>
        <source>Drawer open since %1</source>
        <translation>ड्रॉअर %1 से खुला है</translation>
    </message>
    <message>
        <source>Drawer closed: open it with the float before taking cash.</source>
        <translation>ड्रॉअर बंद है: नकद लेने से पहले शुरुआती नकद के साथ खोलें।</translation>
    </message>
    <message>
        <source>Z: closed %1</source>
        <translation>Z: %1 को बंद</translation>
    </message>
    <message numerus="yes">
        <source>X: so far (%n sale(s))</source>
        <translation>
            <numerusform>X: अब तक (%n बिक्री)</numerusform>
            <numerusform>X: अब तक (%n बिक्री)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>नकद बिक्री</translation>
    </message>
    <message>
        <source>Collections in cash</source>
        <translation>नकद वसूली</translation>
    </message>
    <message>
        <source>Paid to farmers</source>
        <translation>किसानों को भुगतान</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>खर्च</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>वापसी भुगतान</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>ड्रॉअर में अपेक्षित</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation>नोट और सिक्के</translation>
    </message>
</context>
<context>
    <name>market::ui::EnrolPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;ब्राउज़…</translation>
    </message>
    <message>
        <source>Join a shop on a server</source>
        <translation>सर्वर पर दुकान से जुड़ें</translation>
    </message>
    <message>
        <source>A manager makes a one-time enrolment code for this counter on the shop&apos;s server.</source>
        <translation>मैनेजर दुकान के सर्वर पर इस काउंटर के लिए एक बार का नामांकन कोड बनाता है।</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;नामांकन करें</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>A PEM file, for a self-signed server</source>
        <translation>PEM फ़ाइल, स्व-हस्ताक्षरित सर्वर के लिए</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;सर्वर का पता</translation>
    </message>
    <message>
        <source>S&amp;hop code</source>
        <translation>दुकान &amp;कोड</translation>
    </message>
    <message>
        <source>Enrolment c&amp;ode</source>
        <translation>नामांकन &amp;कोड</translation>
    </message>
    <message>
        <source>This counter&apos;s &amp;name</source>
        <translation>इस काउंटर का &amp;नाम</translation>
    </message>
    <message>
        <source>C&amp;A certificate (optional)</source>
        <translation>C&amp;A प्रमाणपत्र (वैकल्पिक)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA प्रमाणपत्र</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM प्रमाणपत्र (*.pem *.crt);;सभी फ़ाइलें (*)</translation>
    </message>
</context>
<context>
    <name>market::ui::EnrolmentJob</name>
    <message>
        <source>This build of market-pos has no sync engine.</source>
        <translation>market-pos के इस संस्करण में सिंक इंजन नहीं है।</translation>
    </message>
    <message>
        <source>Cannot open this counter&apos;s data file: %1</source>
        <translation>इस काउंटर की डेटा फ़ाइल नहीं खुल सकती: %1</translation>
    </message>
    <message>
        <source>Checking the OS keychain…</source>
        <translation>OS कीचेन जाँच रहे हैं…</translation>
    </message>
    <message>
        <source>There is no usable OS keychain to keep this counter&apos;s device secret, so nothing was sent and the enrolment code is still valid. On Linux a Secret Service (such as gnome-keyring) must run and be unlocked.
%1</source>
        <translation>इस काउंटर का डिवाइस रहस्य रखने के लिए कोई उपयोगी OS कीचेन नहीं है, इसलिए कुछ नहीं भेजा गया और नामांकन कोड अभी भी मान्य है। Linux पर Secret Service (जैसे gnome-keyring) चलनी और खुली होनी चाहिए।
%1</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>%1 से संपर्क कर रहे हैं…</translation>
    </message>
    <message>
        <source>The server refused the shop code or the enrolment code: mistyped, already used or expired. Ask a manager for a new code.
%1</source>
        <translation>सर्वर ने दुकान कोड या नामांकन कोड अस्वीकार किया: गलत टाइप, पहले से उपयोग किया गया या समाप्त। मैनेजर से नया कोड माँगें।
%1</translation>
    </message>
    <message>
        <source>Enrolment failed.
%1</source>
        <translation>नामांकन विफल।
%1</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1 of shop %2.</source>
        <translation>दुकान %2 के टर्मिनल %1 के रूप में नामांकित।</translation>
    </message>
</context>
<context>
    <name>market::ui::LoginWidget</name>
    <message>
        <source>Use &amp;PIN</source>
        <translation>पिन से (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>लॉग इन (&amp;L)</translation>
    </message>
    <message>
        <source>Who is at the counter?</source>
        <translation>काउंटर पर कौन है?</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>&amp;Secret</source>
        <translation>पासवर्ड / पिन</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>market::ui::LotListModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n दिन</numerusform>
            <numerusform>%n दिन</numerusform>
        </translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>किसान</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>ग्रेड</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>शेष</translation>
    </message>
</context>
<context>
    <name>market::ui::MainWindow</name>
    <message>
        <source>Receipt printed</source>
        <translation>रसीद छप गई</translation>
    </message>
    <message>
        <source>&amp;Sell</source>
        <translation>बिक्री (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Arrivals</source>
        <translation>आवक (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Collect</source>
        <translation>वसूली (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>काउंटर (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>लॉक करें (&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;witch cashier</source>
        <translation>कैशियर बदलें (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>सेटिंग्स… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>जाएँ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट (&amp;K)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>लॉक</translation>
    </message>
    <message>
        <source>%1 (%2) · Counter %3 — market-pos</source>
        <translation>%1 (%2) · काउंटर %3 — market-pos</translation>
    </message>
    <message>
        <source>No sale to reprint yet.</source>
        <translation>दोबारा छापने को अभी कोई बिक्री नहीं।</translation>
    </message>
    <message>
        <source>&amp;Drawer</source>
        <translation>ड्रॉअर (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Returns</source>
        <translation>वापसी (&amp;R)</translation>
    </message>
    <message>
        <source>No return to reprint yet.</source>
        <translation>दोबारा छापने के लिए अभी कोई वापसी नहीं।</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>सिंक समस्याएँ (&amp;P)…</translation>
    </message>
</context>
<context>
    <name>market::ui::OpenCreditModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n दिन</numerusform>
            <numerusform>%n दिन</numerusform>
        </translation>
    </message>
    <message>
        <source>pending</source>
        <translation>बाकी</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>आंशिक</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>चुकता</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>रसीद</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>बकाया</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>This payment</source>
        <translation>यह भुगतान</translation>
    </message>
</context>
<context>
    <name>market::ui::PartyListModel</name>
    <message>
        <source>limit %1</source>
        <translation>सीमा %1</translation>
    </message>
</context>
<context>
    <name>market::ui::PaymentDialog</name>
    <message>
        <source>Manager override</source>
        <translation>मैनेजर की अनुमति</translation>
    </message>
    <message>
        <source>Confirm sale (F12)</source>
        <translation>बिक्री पक्की करें (F12)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>UPI / card / cheque reference (optional)</source>
        <translation>UPI / कार्ड / चेक संदर्भ (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <source>Manager username</source>
        <translation>मैनेजर उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>पिन या पासवर्ड</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>अनुमति दें</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>देय: %1</translation>
    </message>
    <message>
        <source>%1 · outstanding %2 · credit limit %3 · what is not paid goes to credit</source>
        <translation>%1 · बकाया %2 · उधार सीमा %3 · जो न चुकाया जाए वह उधार में जाएगा</translation>
    </message>
    <message>
        <source>Walk-in buyer: pays in full, no credit.</source>
        <translation>नकद ग्राहक: पूरा भुगतान, उधार नहीं।</translation>
    </message>
    <message>
        <source>Type an amount such as 500 or 1,250.50.</source>
        <translation>500 या 1,250.50 जैसी राशि लिखें।</translation>
    </message>
    <message>
        <source>At most %1 payments on one sale.</source>
        <translation>एक बिक्री में अधिकतम %1 भुगतान।</translation>
    </message>
    <message>
        <source>Tendered %1 · still due &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>दिया %1 · अभी बाकी &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tendered %1 · change due &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>दिया %1 · वापसी &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not paid, to credit: &lt;b&gt;%1&lt;/b&gt; · outstanding after: %2 of limit %3</source>
        <translation>बिना भुगतान, उधार में: &lt;b&gt;%1&lt;/b&gt; · बाद में बकाया: %2, सीमा %3</translation>
    </message>
    <message>
        <source>Above the credit limit: a manager must approve.</source>
        <translation>उधार सीमा से ऊपर: मैनेजर की अनुमति ज़रूरी।</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>%1 द्वारा अनुमति</translation>
    </message>
</context>
<context>
    <name>market::ui::PaymentListModel</name>
    <message>
        <source>Cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>बैंक ट्रांसफ़र</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>चेक</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>वॉलेट</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>संदर्भ</translation>
    </message>
</context>
<context>
    <name>market::ui::ReceiptPrinter</name>
    <message>
        <source>Give a path after &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; के बाद पथ लिखें।</translation>
    </message>
    <message>
        <source>A network printer is written tcp:host:9100.</source>
        <translation>नेटवर्क प्रिंटर tcp:host:9100 लिखा जाता है।</translation>
    </message>
    <message>
        <source>A printer is file:/path, device:/dev/usb/lp0 or tcp:host:9100.</source>
        <translation>प्रिंटर file:/path, device:/dev/usb/lp0 या tcp:host:9100 होता है।</translation>
    </message>
    <message>
        <source>No receipt printer is set up.</source>
        <translation>कोई रसीद प्रिंटर सेट नहीं है।</translation>
    </message>
    <message>
        <source>Cannot open the printer %1: %2</source>
        <translation>प्रिंटर %1 नहीं खुला: %2</translation>
    </message>
    <message>
        <source>Printing to %1 failed: %2</source>
        <translation>%1 पर छपाई विफल: %2</translation>
    </message>
    <message>
        <source>The printer at %1 did not answer.</source>
        <translation>%1 पर प्रिंटर ने जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>Printer %1: %2</source>
        <translation>प्रिंटर %1: %2</translation>
    </message>
</context>
<context>
    <name>market::ui::ReturnController</name>
    <message>
        <source>Type or scan the receipt number.</source>
        <translation>रसीद नंबर लिखें या स्कैन करें।</translation>
    </message>
    <message>
        <source>This counter has made no sale yet.</source>
        <translation>इस काउंटर पर अभी तक कोई बिक्री नहीं हुई।</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>ऐसी कोई पंक्ति नहीं।</translation>
    </message>
    <message>
        <source>Type a quantity such as 2 or 1.5.</source>
        <translation>2 या 1.5 जैसी मात्रा लिखें।</translation>
    </message>
    <message>
        <source>Line %1: only %2 can still be returned.</source>
        <translation>पंक्ति %1: अब केवल %2 वापस हो सकता है।</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>काउंटर लॉक है।</translation>
    </message>
    <message>
        <source>Find the sale by its receipt number first.</source>
        <translation>पहले रसीद नंबर से बिक्री खोजें।</translation>
    </message>
    <message>
        <source>Type the quantity coming back on at least one line.</source>
        <translation>कम से कम एक पंक्ति पर वापस आने वाली मात्रा लिखें।</translation>
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
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिका</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>भाव</translation>
    </message>
    <message>
        <source>Can return</source>
        <translation>वापस हो सकता है</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>अभी वापसी</translation>
    </message>
</context>
<context>
    <name>market::ui::ReturnWidget</name>
    <message>
        <source>Receipt number, e.g. HYD01-1-000042 (scan or type, Enter)</source>
        <translation>रसीद नंबर, जैसे HYD01-1-000042 (स्कैन करें या लिखें, Enter)</translation>
    </message>
    <message>
        <source>Reason (bruised, wrong grade, …)</source>
        <translation>कारण (दबा हुआ, गलत ग्रेड, …)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>Last sale here</source>
        <translation>यहाँ की पिछली बिक्री</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Refund by</source>
        <translation>वापसी भुगतान</translation>
    </message>
    <message>
        <source>Record return (Ctrl+S)</source>
        <translation>वापसी दर्ज करें (Ctrl+S)</translation>
    </message>
    <message>
        <source>Returned %1: credit reduced by %2, refund %3 by %4.</source>
        <translation>%1 वापस: उधार %2 कम, %4 से %3 लौटाए।</translation>
    </message>
    <message>
        <source>%1 · %2 · total %3 · on credit %4</source>
        <translation>%1 · %2 · कुल %3 · उधार %4</translation>
    </message>
    <message>
        <source>Find the sale by its receipt number.</source>
        <translation>रसीद नंबर से बिक्री खोजें।</translation>
    </message>
    <message>
        <source>Goods back: %1</source>
        <translation>वापस माल: %1</translation>
    </message>
    <message>
        <source>Reprint (F10)</source>
        <translation>दोबारा छापें (F10)</translation>
    </message>
    <message>
        <source>Print a copy of the last credit note</source>
        <translation>पिछले क्रेडिट नोट की प्रति छापें</translation>
    </message>
</context>
<context>
    <name>market::ui::SaleSession</name>
    <message>
        <source>Type or scan a lot code.</source>
        <translation>लॉट कोड लिखें या स्कैन करें।</translation>
    </message>
    <message>
        <source>No lot with the code %1.</source>
        <translation>कोड %1 का कोई लॉट नहीं।</translation>
    </message>
    <message>
        <source>Lot %1 is %2 and cannot be sold.</source>
        <translation>लॉट %1 की स्थिति %2 है, बेचा नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Type a quantity such as 12 or 12.5.</source>
        <translation>12 या 12.5 जैसी मात्रा लिखें।</translation>
    </message>
    <message>
        <source>Type a price per unit such as 40 or 42.50.</source>
        <translation>प्रति इकाई भाव लिखें, जैसे 40 या 42.50।</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>ऐसी कोई पंक्ति नहीं।</translation>
    </message>
    <message>
        <source>The counter is locked.</source>
        <translation>काउंटर लॉक है।</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>कार्ट खाली है।</translation>
    </message>
    <message>
        <source>Give a reason for the override.</source>
        <translation>अनुमति का कारण लिखें।</translation>
    </message>
    <message>
        <source>The manager types their username and PIN or password.</source>
        <translation>मैनेजर अपना उपयोगकर्ता नाम और पिन या पासवर्ड लिखें।</translation>
    </message>
</context>
<context>
    <name>market::ui::SellWidget</name>
    <message>
        <source>Search a buyer (name, code or phone)</source>
        <translation>खरीदार खोजें (नाम, कोड या फ़ोन)</translation>
    </message>
    <message>
        <source>Walk-in buyer (cash only)</source>
        <translation>नकद ग्राहक (केवल नकद)</translation>
    </message>
    <message>
        <source>Search lots by product</source>
        <translation>उत्पाद से लॉट खोजें</translation>
    </message>
    <message>
        <source>Type or scan a lot code</source>
        <translation>लॉट कोड लिखें या स्कैन करें</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Next field; on the price, add the line</source>
        <translation>अगला खाना; भाव पर पंक्ति जोड़ें</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Remove the selected cart line</source>
        <translation>चुनी कार्ट पंक्ति हटाएँ</translation>
    </message>
    <message>
        <source>Hold this sale</source>
        <translation>यह बिक्री रोकें</translation>
    </message>
    <message>
        <source>Recall the oldest held sale</source>
        <translation>सबसे पुरानी रुकी बिक्री वापस लाएँ</translation>
    </message>
    <message>
        <source>Reprint the last receipt (marked COPY)</source>
        <translation>पिछली रसीद दोबारा छापें (प्रतिलिपि)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>New sale (clear the cart)</source>
        <translation>नई बिक्री (कार्ट खाली करें)</translation>
    </message>
    <message>
        <source>In the payment dialog: cash, UPI, card, bank, cheque, wallet</source>
        <translation>भुगतान में: नकद, UPI, कार्ड, बैंक, चेक, वॉलेट</translation>
    </message>
    <message>
        <source>Buyer: name, code or phone (F2) — F3 for walk-in</source>
        <translation>खरीदार: नाम, कोड या फ़ोन (F2) — नकद ग्राहक F3</translation>
    </message>
    <message>
        <source>Walk-in (F3)</source>
        <translation>नकद ग्राहक (F3)</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>खरीदार</translation>
    </message>
    <message>
        <source>Lot code or scan (F5)</source>
        <translation>लॉट कोड या स्कैन (F5)</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Price per unit</source>
        <translation>प्रति इकाई भाव</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>पंक्ति जोड़ें</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>भाव</translation>
    </message>
    <message>
        <source>Find lots by product (F4)</source>
        <translation>उत्पाद से लॉट खोजें (F4)</translation>
    </message>
    <message>
        <source>Lots on hand</source>
        <translation>मौजूद लॉट</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>भुगतान (F12)</translation>
    </message>
    <message>
        <source>Hold (F8)</source>
        <translation>रोकें (F8)</translation>
    </message>
    <message>
        <source>Recall (F9)</source>
        <translation>वापस लाएँ (F9)</translation>
    </message>
    <message>
        <source>Reprint (F10)</source>
        <translation>दोबारा छापें (F10)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>कार्ट</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · grade %3 · %4 %5 left · %n day(s) old</source>
        <translation>
            <numerusform>%1 · %2 · ग्रेड %3 · %4 %5 शेष · %n दिन पुराना</numerusform>
            <numerusform>%1 · %2 · ग्रेड %3 · %4 %5 शेष · %n दिन पुराना</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a quantity such as 12 or 12.5.</source>
        <translation>12 या 12.5 जैसी मात्रा लिखें।</translation>
    </message>
    <message>
        <source>The cart is empty: add a line first.</source>
        <translation>कार्ट खाली है: पहले पंक्ति जोड़ें।</translation>
    </message>
    <message>
        <source>Sale %1 saved.</source>
        <translation>बिक्री %1 सहेजी गई।</translation>
    </message>
    <message>
        <source>Sale held. F9 brings it back.</source>
        <translation>बिक्री रोकी गई। F9 से वापस आएगी।</translation>
    </message>
    <message>
        <source>Nothing to hold.</source>
        <translation>रोकने को कुछ नहीं।</translation>
    </message>
    <message>
        <source>No sale is on hold.</source>
        <translation>कोई बिक्री रुकी नहीं है।</translation>
    </message>
    <message>
        <source>Held sale recalled.</source>
        <translation>रुकी बिक्री वापस आई।</translation>
    </message>
    <message>
        <source>%1 %2 · outstanding %3 · limit %4</source>
        <translation>%1 %2 · बकाया %3 · सीमा %4</translation>
    </message>
    <message>
        <source>Walk-in buyer: pays in full</source>
        <translation>नकद ग्राहक: पूरा भुगतान</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) · Total %1</source>
        <translation>
            <numerusform>%n पंक्ति · कुल %1</numerusform>
            <numerusform>%n पंक्ति · कुल %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cart is empty</source>
        <translation>कार्ट खाली है</translation>
    </message>
    <message>
        <source>Cart needs fixing</source>
        <translation>कार्ट में सुधार चाहिए</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) on hold</source>
        <translation>
            <numerusform>%n बिक्री रुकी</numerusform>
            <numerusform>%n बिक्री रुकी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) · Goods %1 + charges %2 · Total %3</source>
        <translation>
            <numerusform>%n पंक्ति · माल %1 + शुल्क %2 · कुल %3</numerusform>
            <numerusform>%n पंक्ति · माल %1 + शुल्क %2 · कुल %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Commission %1%2</source>
        <translation>कमीशन %1%2</translation>
    </message>
    <message>
        <source> (on the bill)</source>
        <translation> (बिल पर)</translation>
    </message>
    <message>
        <source> (from the farmers)</source>
        <translation> (किसानों से)</translation>
    </message>
    <message>
        <source>%1 %2 (on the bill)</source>
        <translation>%1 %2 (बिल पर)</translation>
    </message>
    <message>
        <source>%1 %2 (from the farmers)</source>
        <translation>%1 %2 (किसानों से)</translation>
    </message>
    <message>
        <source>today&apos;s rate %1</source>
        <translation>आज का भाव %1</translation>
    </message>
</context>
<context>
    <name>market::ui::SessionController</name>
    <message>
        <source>Choose a user first.</source>
        <translation>पहले उपयोगकर्ता चुनें।</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>अपना पिन लिखें।</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>अपना पासवर्ड लिखें।</translation>
    </message>
</context>
<context>
    <name>market::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>80 mm (48 columns)</source>
        <translation>80 मिमी (48 अक्षर)</translation>
    </message>
    <message>
        <source>58 mm (32 columns)</source>
        <translation>58 मिमी (32 अक्षर)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Lock when idle after</source>
        <translation>निष्क्रिय होने पर लॉक</translation>
    </message>
    <message>
        <source>Receipt &amp;printer</source>
        <translation>रसीद प्रिंटर</translation>
    </message>
    <message>
        <source>file:/path, device:/dev/usb/lp0 or tcp:host:9100; empty for none</source>
        <translation>file:/path, device:/dev/usb/lp0 या tcp:host:9100; न हो तो खाली</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>कागज़</translation>
    </message>
    <message>
        <source>PDF copies in folder</source>
        <translation>PDF प्रतियाँ इस फ़ोल्डर में</translation>
    </message>
    <message>
        <source>PDF page size</source>
        <translation>PDF पृष्ठ आकार</translation>
    </message>
</context>
<context>
    <name>market::ui::SetupController</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>दोनों पासवर्ड अलग हैं।</translation>
    </message>
    <message>
        <source>The counter is already being enrolled.</source>
        <translation>काउंटर का नामांकन पहले से चल रहा है।</translation>
    </message>
    <message>
        <source>This data file already belongs to shop %1.</source>
        <translation>यह डेटा फ़ाइल पहले से दुकान %1 की है।</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, e.g. https://market.example:8443.</source>
        <translation>सर्वर का पता लिखें, जैसे https://market.example:8443।</translation>
    </message>
    <message>
        <source>Type the shop&apos;s code on the server, e.g. HYD01.</source>
        <translation>सर्वर पर दुकान का कोड लिखें, जैसे HYD01।</translation>
    </message>
    <message>
        <source>Type the one-time enrolment code a manager made on the server.</source>
        <translation>मैनेजर द्वारा सर्वर पर बनाया गया एक बार का नामांकन कोड लिखें।</translation>
    </message>
    <message>
        <source>Give this counter a name, e.g. Counter 2.</source>
        <translation>इस काउंटर को नाम दें, जैसे काउंटर 2।</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate file %1.</source>
        <translation>CA प्रमाणपत्र फ़ाइल %1 पढ़ी नहीं जा सकती।</translation>
    </message>
</context>
<context>
    <name>market::ui::SetupWizard</name>
    <message>
        <source>Create a &amp;standalone shop on this counter</source>
        <translation>इस काउंटर पर स्वतंत्र दुकान बनाएँ (&amp;S)</translation>
    </message>
    <message>
        <source>Set up this counter</source>
        <translation>इस काउंटर की स्थापना</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>स्वागत है</translation>
    </message>
    <message>
        <source>This counter has no shop yet.</source>
        <translation>इस काउंटर पर अभी कोई दुकान नहीं है।</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>आपकी दुकान</translation>
    </message>
    <message>
        <source>Shop &amp;code</source>
        <translation>दुकान कोड</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>दुकान का नाम</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>&amp;Terminal number</source>
        <translation>काउंटर संख्या</translation>
    </message>
    <message>
        <source>Terminal n&amp;ame</source>
        <translation>काउंटर का नाम</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>मालिक</translation>
    </message>
    <message>
        <source>The first user; they can add cashiers later.</source>
        <translation>पहला उपयोगकर्ता; बाद में कैशियर जोड़ सकते हैं।</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>दिखने वाला नाम</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>पासवर्ड दोबारा</translation>
    </message>
    <message>
        <source>&amp;Join a shop on a server (enrolment code)</source>
        <translation>सर्वर पर दुकान से &amp;जुड़ें (नामांकन कोड)</translation>
    </message>
    <message>
        <source>This build of market-pos has no sync engine.</source>
        <translation>market-pos के इस संस्करण में सिंक इंजन नहीं है।</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1 of shop %2 at %3. Name the shop for its receipts.</source>
        <translation>%3 पर दुकान %2 के टर्मिनल %1 के रूप में नामांकित। रसीदों के लिए दुकान का नाम दें।</translation>
    </message>
</context>
<context>
    <name>market::ui::ShortcutsDialog</name>
    <message>
        <source>This list</source>
        <translation>यह सूची</translation>
    </message>
    <message>
        <source>Sell screen</source>
        <translation>बिक्री स्क्रीन</translation>
    </message>
    <message>
        <source>Arrivals screen</source>
        <translation>आवक स्क्रीन</translation>
    </message>
    <message>
        <source>Collect screen</source>
        <translation>वसूली स्क्रीन</translation>
    </message>
    <message>
        <source>Lock the counter</source>
        <translation>काउंटर लॉक करें</translation>
    </message>
    <message>
        <source>Switch cashier</source>
        <translation>कैशियर बदलें</translation>
    </message>
    <message>
        <source>Settings (language, printer)</source>
        <translation>सेटिंग्स (भाषा, प्रिंटर)</translation>
    </message>
    <message>
        <source>Arrivals / Collect: record</source>
        <translation>आवक / वसूली: दर्ज करें</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>कुंजी</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>क्या करती है</translation>
    </message>
    <message>
        <source>Drawer: open, cash in/out, close</source>
        <translation>ड्रॉअर: खोलें, नकद जमा/निकासी, बंद करें</translation>
    </message>
    <message>
        <source>Returns against a receipt</source>
        <translation>रसीद पर वापसी</translation>
    </message>
    <message>
        <source>Returns: reprint the last credit note</source>
        <translation>वापसी: पिछला क्रेडिट नोट दोबारा छापें</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncProblemModel</name>
    <message>
        <source>Set aside</source>
        <translation>अलग रखे गए</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>गड़बड़ी</translation>
    </message>
    <message>
        <source>Waiting to apply</source>
        <translation>लागू होने की प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>वापसी</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>आवक</translation>
    </message>
    <message>
        <source>Lot status</source>
        <translation>लॉट की स्थिति</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>वसूली</translation>
    </message>
    <message>
        <source>Commission confirmed</source>
        <translation>कमीशन पक्का</translation>
    </message>
    <message>
        <source>Farmer payment</source>
        <translation>किसान को भुगतान</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>ख़र्च</translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation>स्टॉक समायोजन</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>दराज़ खोली</translation>
    </message>
    <message>
        <source>Cash in or out</source>
        <translation>नकद अंदर या बाहर</translation>
    </message>
    <message>
        <source>Drawer closed</source>
        <translation>दराज़ बंद की</translation>
    </message>
    <message>
        <source>Farmer or buyer</source>
        <translation>किसान या ख़रीदार</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>शुल्क</translation>
    </message>
    <message>
        <source>Commission rule</source>
        <translation>कमीशन नियम</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>सेटिंग</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>दुकान</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>Lot oversold</source>
        <translation>लॉट से ज़्यादा बिक्री</translation>
    </message>
    <message>
        <source>Credit limit crossed</source>
        <translation>उधार सीमा पार</translation>
    </message>
    <message>
        <source>Sale from an unknown lot</source>
        <translation>अनजान लॉट से बिक्री</translation>
    </message>
    <message>
        <source>Returned more than sold</source>
        <translation>बिक्री से ज़्यादा वापसी</translation>
    </message>
    <message>
        <source>Audit chain broken</source>
        <translation>ऑडिट शृंखला टूटी</translation>
    </message>
    <message>
        <source>Resolve on the server</source>
        <translation>सर्वर पर सुलझाएँ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <source>Lot has arrived</source>
        <translation>लॉट आ गया</translation>
    </message>
    <message>
        <source>Closed, raised again</source>
        <translation>बंद, फिर से उठी</translation>
    </message>
    <message>
        <source>Retried at every sync</source>
        <translation>हर सिंक पर फिर कोशिश</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s)</source>
        <translation>
            <numerusform>%n ऑपरेशन</numerusform>
            <numerusform>%n ऑपरेशन</numerusform>
        </translation>
    </message>
    <message>
        <source>Operation %1</source>
        <translation>ऑपरेशन %1</translation>
    </message>
    <message>
        <source>Operations %1–%2</source>
        <translation>ऑपरेशन %1–%2</translation>
    </message>
    <message>
        <source>Lot %1</source>
        <translation>लॉट %1</translation>
    </message>
    <message>
        <source>Party %1</source>
        <translation>पार्टी %1</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>उत्पाद %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>रसीद %1</translation>
    </message>
    <message>
        <source>Receipt line %1</source>
        <translation>रसीद पंक्ति %1</translation>
    </message>
    <message>
        <source>Return on receipt %1</source>
        <translation>रसीद %1 पर वापसी</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>काउंटर %1</translation>
    </message>
    <message>
        <source>Received %1, sold %2, returned %3, adjusted %4: %5 more went out than came in</source>
        <translation>आया %1, बिका %2, वापस %3, समायोजित %4: जितना आया उससे %5 ज़्यादा निकला</translation>
    </message>
    <message>
        <source>Owes %1, over the credit limit of %2</source>
        <translation>बकाया %1, उधार सीमा %2 से ज़्यादा</translation>
    </message>
    <message>
        <source>%1 sold from a lot the server had not received</source>
        <translation>ऐसे लॉट से %1 बिका जो सर्वर को अभी मिला नहीं था</translation>
    </message>
    <message>
        <source>%1 returned of %2 sold</source>
        <translation>%2 बिके में से %1 वापस</translation>
    </message>
    <message>
        <source>The audit chain does not link at operation %1</source>
        <translation>ऑपरेशन %1 पर ऑडिट शृंखला नहीं जुड़ती</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>दस्तावेज़</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>दस्तावेज़: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>आईडी: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>स्थिति: %1</translation>
    </message>
    <message>
        <source>Set aside on: %1</source>
        <translation>अलग रखा गया: %1</translation>
    </message>
    <message>
        <source>Found by: this counter, before sending</source>
        <translation>किसने पकड़ा: यही काउंटर, भेजने से पहले</translation>
    </message>
    <message>
        <source>Found by: the server</source>
        <translation>किसने पकड़ा: सर्वर</translation>
    </message>
    <message>
        <source>Operation type: %1</source>
        <translation>ऑपरेशन का प्रकार: %1</translation>
    </message>
    <message>
        <source>Outbox number: %1</source>
        <translation>आउटबॉक्स क्रमांक: %1</translation>
    </message>
    <message numerus="yes">
        <source>Outbox numbers: %1–%2 (%n operation(s))</source>
        <translation>
            <numerusform>आउटबॉक्स क्रमांक: %1–%2 (%n ऑपरेशन)</numerusform>
            <numerusform>आउटबॉक्स क्रमांक: %1–%2 (%n ऑपरेशन)</numerusform>
        </translation>
    </message>
    <message>
        <source>Operation id: %1</source>
        <translation>ऑपरेशन आईडी: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>कारण: %1</translation>
    </message>
    <message>
        <source>What to do: selling goes on. The server keeps the operation with its reason; the owner resolves it there (owner API, quarantine list). This counter does not send it again.</source>
        <translation>क्या करें: बिक्री चलती रहती है। सर्वर यह ऑपरेशन उसके कारण के साथ रखता है; मालिक उसे वहीं सुलझाता है (मालिक API, क्वारंटीन सूची)। यह काउंटर इसे दोबारा नहीं भेजता।</translation>
    </message>
    <message>
        <source>Received on: %1</source>
        <translation>मिली: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>प्रकार: %1</translation>
    </message>
    <message>
        <source>Figures: %1</source>
        <translation>आँकड़े: %1</translation>
    </message>
    <message>
        <source>As sent by the server: %1</source>
        <translation>सर्वर ने जैसा भेजा: %1</translation>
    </message>
    <message>
        <source>Feed position: %1</source>
        <translation>फ़ीड स्थान: %1</translation>
    </message>
    <message>
        <source>What to do: nothing; this is kept for the record.</source>
        <translation>क्या करें: कुछ नहीं; यह रिकॉर्ड के लिए रखा है।</translation>
    </message>
    <message>
        <source>Waiting since: %1</source>
        <translation>कब से प्रतीक्षा में: %1</translation>
    </message>
    <message>
        <source>From counter: %1</source>
        <translation>किस काउंटर से: %1</translation>
    </message>
    <message>
        <source>What to do: usually nothing. It is retried after every sync and applies once what it needs has arrived here.</source>
        <translation>क्या करें: आमतौर पर कुछ नहीं। हर सिंक के बाद फिर कोशिश होती है; जिसकी ज़रूरत है वह यहाँ आते ही यह लागू हो जाता है।</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n दिन</numerusform>
            <numerusform>%n दिन</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 घंटे</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 घंटे %2 मिनट</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 मिनट</translation>
    </message>
    <message>
        <source>Counter clock ahead</source>
        <translation>काउंटर की घड़ी आगे</translation>
    </message>
    <message>
        <source>Operations lost in a server restore</source>
        <translation>सर्वर रीस्टोर में खोए कार्य</translation>
    </message>
    <message>
        <source>Resolved on the server</source>
        <translation>सर्वर पर सुलझाया गया</translation>
    </message>
    <message>
        <source>Operation %1 was dated %2 ahead of the server&apos;s clock: set this counter&apos;s date and time</source>
        <translation>कार्य %1 की तारीख सर्वर की घड़ी से %2 आगे थी: इस काउंटर की तारीख और समय ठीक करें</translation>
    </message>
    <message>
        <source>Operations %1–%2 of this counter were not in the restored server and could not be sent again</source>
        <translation>इस काउंटर के कार्य %1–%2 रीस्टोर किए गए सर्वर में नहीं थे और दोबारा भेजे नहीं जा सके</translation>
    </message>
    <message>
        <source>Resolved on: %1</source>
        <translation>सुलझाया गया: %1</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>समाधान: %1</translation>
    </message>
    <message>
        <source>What to do: check the goods or the account named here. The owner or a manager resolves the anomaly on the server (owner API); the resolution reaches this list with the next sync.</source>
        <translation>क्या करें: यहाँ बताया गया माल या खाता जाँचें। मालिक या मैनेजर सर्वर पर (ओनर API) विसंगति सुलझाते हैं; समाधान अगले सिंक के साथ इस सूची में आ जाता है।</translation>
    </message>
    <message>
        <source>Product rate</source>
        <translation>उत्पाद का भाव</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>सिंक समस्याएँ</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>सभी समस्याएँ</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>अलग रखे गए</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>गड़बड़ियाँ</translation>
    </message>
    <message>
        <source>Waiting to apply</source>
        <translation>लागू होने की प्रतीक्षा में</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>दिखाएँ (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>विवरण कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>Copy the &amp;list</source>
        <translation>सूची कॉपी करें (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें (&amp;R)</translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation>सूची पढ़ी नहीं जा सकी: %1</translation>
    </message>
    <message>
        <source>This counter is its own shop: nothing is synchronised, so nothing can go wrong here.</source>
        <translation>यह काउंटर अपनी ही दुकान है: कुछ भी सिंक नहीं होता, इसलिए यहाँ कोई गड़बड़ी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>No sync problems on this counter.</source>
        <translation>इस काउंटर पर कोई सिंक समस्या नहीं है।</translation>
    </message>
    <message>
        <source>Set aside: %1 · Anomalies: %2 · Waiting to apply: %3</source>
        <translation>अलग रखे गए: %1 · गड़बड़ियाँ: %2 · लागू होने की प्रतीक्षा में: %3</translation>
    </message>
    <message>
        <source>None of these stops selling. What the server set aside and its anomalies are resolved by the owner on the server; documents waiting here are retried at every sync.</source>
        <translation>इनमें से कोई भी बिक्री नहीं रोकता। सर्वर के अलग रखे ऑपरेशन और उसकी गड़बड़ियाँ मालिक सर्वर पर सुलझाता है; यहाँ प्रतीक्षा कर रहे दस्तावेज़ हर सिंक पर फिर आज़माए जाते हैं।</translation>
    </message>
    <message>
        <source>Select a row to see everything this counter knows about it.</source>
        <translation>इसके बारे में इस काउंटर को जो कुछ पता है, वह देखने के लिए एक पंक्ति चुनें।</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>market::ui::SyncStatusWidget</name>
    <message>
        <source>Standalone shop</source>
        <translation>स्वतंत्र दुकान</translation>
    </message>
    <message>
        <source>Online · all sent</source>
        <translation>ऑनलाइन · सब भेजा गया</translation>
    </message>
    <message numerus="yes">
        <source>Online · %n to send</source>
        <translation>
            <numerusform>ऑनलाइन · %n भेजने बाकी</numerusform>
            <numerusform>ऑनलाइन · %n भेजने बाकी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n to send, oldest %1 min</source>
        <translation>
            <numerusform>ऑफ़लाइन · %n भेजने बाकी, सबसे पुराना %1 मिनट</numerusform>
            <numerusform>ऑफ़लाइन · %n भेजने बाकी, सबसे पुराना %1 मिनट</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>सिंक समस्या</translation>
    </message>
    <message>
        <source>Server: %1
Waiting to send: %2
Oldest waiting: %3 min</source>
        <translation>सर्वर: %1
भेजने बाकी: %2
सबसे पुराना: %3 मिनट</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>समस्या: %1</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>सिंक्रनाइज़ेशन</translation>
    </message>
    <message numerus="yes">
        <source> · %n to check</source>
        <translation>
            <numerusform> · %n जाँचने हैं</numerusform>
            <numerusform> · %n जाँचने हैं</numerusform>
        </translation>
    </message>
    <message>
        <source>This counter is its own shop: everything is stored here. A new counter joins a shop on a server from the setup wizard (or marketctl enrol).</source>
        <translation>यह काउंटर अपनी ही दुकान है: सब कुछ यहीं रखा जाता है। नया काउंटर सेटअप विज़ार्ड (या marketctl enrol) से सर्वर की दुकान से जुड़ता है।</translation>
    </message>
    <message>
        <source>Set aside (could not apply): %1</source>
        <translation>अलग रखे गए (लागू नहीं हो सके): %1</translation>
    </message>
    <message>
        <source>Anomalies raised by the server: %1</source>
        <translation>सर्वर द्वारा बताई गई गड़बड़ियाँ: %1</translation>
    </message>
    <message>
        <source>A manager sees the list under Counter → Sync problems.</source>
        <translation>मैनेजर यह सूची काउंटर → सिंक समस्याएँ में देखता है।</translation>
    </message>
    <message>
        <source>Offline since: %1</source>
        <translation>ऑफ़लाइन कब से: %1</translation>
    </message>
</context>
</TS>
