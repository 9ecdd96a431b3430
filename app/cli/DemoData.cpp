#include "DemoData.h"

namespace market::cli::demo {

using core::Category;
using core::Unit;

const std::vector<ProductSpec>& products() {
    // Prices per unit in paise, typical of a Hyderabad commission market (Bowenpally/Gudimalkapur).
    static const std::vector<ProductSpec> list{
        {u"TOM", u"Tomato", Category::Vegetable, Unit::Kg, 2200, 300, 700, 20, 140, 25, 1500},
        {u"ONI", u"Onion", Category::Vegetable, Unit::Kg, 3000, 400, 900, 25, 150, 50, 200},
        {u"POT", u"Potato", Category::Vegetable, Unit::Kg, 2500, 400, 800, 25, 120, 50, 200},
        {u"BRN", u"Brinjal", Category::Vegetable, Unit::Kg, 3500, 150, 400, 10, 60, 20, 1200},
        {u"OKR", u"Okra (Bhindi)", Category::Vegetable, Unit::Kg, 4500, 100, 300, 10, 50, 20, 1200},
        {u"GCH", u"Green Chilli", Category::Vegetable, Unit::Kg, 6000, 80, 250, 5, 40, 20, 300},
        {u"COR", u"Coriander", Category::Vegetable, Unit::Bunch, 1000, 200, 500, 20, 100, 50, 0},
        {u"MRG", u"Marigold", Category::Flower, Unit::Kg, 8000, 60, 200, 5, 40, 10, 300},
        {u"JAS", u"Jasmine (Mallepoolu)", Category::Flower, Unit::Kg, 40000, 10, 40, 1, 6, 5, 100},
        {u"ROS", u"Rose", Category::Flower, Unit::Dozen, 6000, 80, 200, 5, 40, 20, 0},
        {u"MNG", u"Mango (Banganapalli)", Category::Fruit, Unit::Kg, 7000, 200, 500, 10, 80, 20, 1500},
        {u"BAN", u"Banana (Robusta)", Category::Fruit, Unit::Dozen, 4500, 100, 300, 5, 40, 10, 0},
    };
    return list;
}

const std::vector<PartySpec>& farmers() {
    static const std::vector<PartySpec> list{
        {u"Ramesh Kumar", u"+91 98480 21734", 0},  {u"Suresh Reddy", u"+91 94403 55812", 0},
        {u"Lakshmi Devi", u"+91 90000 47219", 0},  {u"Mohammed Ismail", u"+91 98661 30457", 0},
        {u"रमेश यादव", u"+91 97012 88340", 0},      {u"सुनीता देवी", u"+91 99089 14526", 0},
        {u"राजेश पटेल", u"+91 96180 73391", 0},      {u"వెంకటేశ్వర రావు", u"+91 94901 62508", 0},
        {u"సత్యనారాయణ మూర్తి", u"+91 98495 07716", 0},  {u"లక్ష్మి నరసమ్మ", u"+91 91009 35284", 0},
        {u"Narsimha Goud", u"+91 97050 41863", 0}, {u"Anjaiah Yadav", u"+91 99850 26671", 0},
    };
    return list;
}

const std::vector<PartySpec>& buyers() {
    static const std::vector<PartySpec> list{
        {u"Hotel Minerva Grand", u"+91 40 2784 1100", 60000},
        {u"Sai Ram Vegetables", u"+91 98482 11907", 3000},
        {u"Priya Super Market", u"+91 40 2331 5620", 40000},
        {u"Abdul Rahman & Sons", u"+91 98490 66213", 25000},
        {u"गुप्ता सब्ज़ी भंडार", u"+91 97031 40552", 15000},
        {u"शर्मा फ्लावर डेकोरेटर्स", u"+91 99633 21874", 20000},
        {u"శ్రీ సాయి కూరగాయలు", u"+91 94405 78120", 10000},
        {u"వినాయక ఫ్లవర్ డెకరేషన్స్", u"+91 90320 11456", 12000},
        {u"అన్నపూర్ణ మెస్", u"+91 91829 60037", 8000},
        {u"Sri Venkateswara Tiffins", u"+91 98667 13502", 0},
    };
    return list;
}

const std::vector<const char16_t*>& vehicles() {
    static const std::vector<const char16_t*> list{u"TS 07 UA 4521", u"TS 15 T 8870", u"AP 28 TC 1934",
                                                   u"TS 08 EK 3306", u"AP 39 V 7712", u"TS 12 UB 0461"};
    return list;
}

} // namespace market::cli::demo
