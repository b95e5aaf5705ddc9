package hk.baycover.bench;

import hk.baycover.catalog.ScriptFiller;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.Confidence;
import hk.baycover.model.Designation;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.InstitutionKind;
import hk.baycover.model.ItemKind;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.PartialDate;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.SchemeMembership;
import hk.baycover.model.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic 港澳藥械通 catalog of any size with realistic mixed names, for the benchmark and the index-versus-scan
 * tests. Drug names are built the way INNs are (prefix + infix + stem: lor-la-tinib, pembro-li-zumab), each Latin
 * syllable with its customary Chinese transcription (劳拉替尼, 帕博利珠单抗), a dosage form and strength; devices combine
 * a qualifier and a device type in both languages; indications and therapeutic areas come from a fixed list; every
 * Chinese text exists in Simplified and (via ICU4J) Traditional. Institutions are named after their city, district
 * and kind. Every record is marked {@code sample}: none of this is real. Deterministic for a given seed.
 */
public final class CatalogGenerator {

    private static final String[][] PREFIX = {
            {"lor", "劳"}, {"en", "恩"}, {"os", "奥"}, {"ala", "阿拉"}, {"bri", "布里"}, {"cap", "卡普"}, {"dab", "达布"},
            {"ibr", "伊布"}, {"nir", "尼拉"}, {"ola", "奥拉"}, {"pem", "培姆"}, {"tra", "曲"}, {"ven", "维奈"}, {"zan", "赞"},
            {"acal", "阿卡"}, {"sel", "塞尔"}, {"tuc", "图卡"}, {"rip", "瑞普"}, {"sot", "索托"}, {"lu", "鲁"}, {"pembro", "帕博"},
            {"nivo", "纳武"}, {"atezo", "阿替"}, {"dur", "度伐"}, {"ami", "阿米"}, {"sac", "沙库"}, {"fru", "呋喹"}, {"ceri", "塞瑞"},
            {"bel", "贝林"}, {"tis", "替雷"}, {"tor", "托瑞"}, {"sin", "信迪"}, {"cam", "卡瑞"}, {"mobo", "莫博"}, {"avap", "阿伐"}};
    private static final String[][] INFIX = {
            {"la", "拉"}, {"tre", "曲"}, {"ti", "替"}, {"ra", "拉"}, {"xi", "昔"}, {"po", "泊"}, {"me", "美"}, {"ci", "西"},
            {"ze", "泽"}, {"li", "利"}, {"va", "伐"}, {"", ""}, {"", ""}, {"", ""}};
    private static final String[][] STEM = {
            {"tinib", "替尼"}, {"ciclib", "西利"}, {"mab", "单抗"}, {"zumab", "珠单抗"}, {"ximab", "昔单抗"}, {"parib", "帕利"},
            {"lisib", "利塞"}, {"rafenib", "拉非尼"}, {"sertib", "色替"}, {"degib", "德吉"}, {"tide", "肽"}, {"stat", "司他"},
            {"vir", "韦"}, {"pril", "普利"}, {"sartan", "沙坦"}, {"olol", "洛尔"}, {"azole", "唑"}, {"mycin", "霉素"},
            {"gliptin", "格列汀"}, {"platin", "铂"}, {"taxel", "他赛"}, {"nercept", "奈西普"}, {"kinra", "金拉"}};
    private static final String[][] FORM = {
            {"Tablets", "片"}, {"Capsules", "胶囊"}, {"Injection", "注射液"}, {"for Injection", "注射用"}, {"Oral Solution", "口服溶液"},
            {"Film-coated Tablets", "薄膜衣片"}, {"Eye Drops", "滴眼液"}, {"Inhalation Powder", "吸入粉雾剂"}};
    private static final String[][] DEVICE = {
            {"cochlear implant", "人工耳蜗"}, {"cardiac pacemaker", "心脏起搏器"}, {"intraocular lens", "人工晶体"},
            {"coronary stent", "冠脉支架"}, {"insulin pump", "胰岛素泵"}, {"spinal growing rod", "脊柱生长棒"},
            {"neurostimulator", "神经刺激器"}, {"knee prosthesis", "膝关节假体"}, {"occluder", "封堵器"},
            {"heart valve", "心脏瓣膜"}, {"surgical robot", "手术机器人"}, {"glucose monitor", "血糖监测仪"},
            {"hearing aid", "助听器"}, {"endoscope", "内窥镜"}, {"embolic coil", "栓塞弹簧圈"}};
    private static final String[][] QUALIFIER = {
            {"New-type", "新型"}, {"Bioresorbable", "可降解"}, {"Magnetically controlled", "磁控"}, {"Smart", "智能"},
            {"Third-generation", "第三代"}, {"Minimally invasive", "微创"}, {"Paediatric", "儿童"}, {"Wireless", "无线"},
            {"Leadless", "无导线"}, {"Implantable", "植入式"}};
    private static final String[][] INDICATION = {
            {"Non-small cell lung cancer", "非小细胞肺癌"}, {"Breast cancer", "乳腺癌"}, {"Colorectal cancer", "结直肠癌"},
            {"Hepatocellular carcinoma", "肝细胞癌"}, {"Gastric cancer", "胃癌"}, {"Lymphoma", "淋巴瘤"}, {"Leukaemia", "白血病"},
            {"Multiple myeloma", "多发性骨髓瘤"}, {"Melanoma", "黑色素瘤"}, {"Prostate cancer", "前列腺癌"},
            {"Ovarian cancer", "卵巢癌"}, {"Severe COPD", "重度慢阻肺"}, {"Asthma", "哮喘"}, {"Type 2 diabetes", "2型糖尿病"},
            {"Hypertension", "高血压"}, {"Heart failure", "心力衰竭"}, {"Atrial fibrillation", "心房颤动"},
            {"Rheumatoid arthritis", "类风湿关节炎"}, {"Psoriasis", "银屑病"}, {"Multiple sclerosis", "多发性硬化"},
            {"Spinal muscular atrophy", "脊髓性肌萎缩症"}, {"Short bowel syndrome", "短肠综合征"}, {"Haemophilia", "血友病"},
            {"Hearing loss", "听力损失"}, {"Cataract", "白内障"}, {"Glaucoma", "青光眼"}, {"Macular degeneration", "黄斑变性"},
            {"Scoliosis", "脊柱侧弯"}, {"Parkinson's disease", "帕金森病"}, {"Epilepsy", "癫痫"}, {"Alzheimer's disease", "阿尔茨海默病"},
            {"Chronic kidney disease", "慢性肾病"}, {"Hepatitis B", "乙型肝炎"}, {"HIV infection", "艾滋病病毒感染"},
            {"Neonatal haemolysis prevention", "预防新生儿溶血"}, {"Congenital TTP", "先天性血栓性血小板减少性紫癜"}};
    private static final String[] AREA = {"Oncology", "Respiratory", "Cardiology", "Endocrinology", "Neurology", "Ophthalmology",
            "ENT", "Orthopaedics", "Rheumatology", "Dermatology", "Haematology", "Nephrology", "Infectious disease", "Obstetrics",
            "Rare disease"};
    private static final String[] BRAND_SYLLABLE = {"lo", "bre", "na", "vo", "ta", "ki", "zen", "xa", "ri", "mo", "qu", "el", "dy", "sa", "fo"};

    private static final Map<City, String[][]> CITY = new HashMap<>();

    static {
        CITY.put(City.SHENZHEN, new String[][] {{"Shenzhen", "深圳"}, {"Futian", "福田"}, {"Nanshan", "南山"}, {"Luohu", "罗湖"},
                {"Bao'an", "宝安"}, {"Longgang", "龙岗"}, {"Longhua", "龙华"}, {"Qianhai", "前海"}, {"Guangming", "光明"}});
        CITY.put(City.GUANGZHOU, new String[][] {{"Guangzhou", "广州"}, {"Tianhe", "天河"}, {"Yuexiu", "越秀"}, {"Haizhu", "海珠"},
                {"Panyu", "番禺"}, {"Nansha", "南沙"}, {"Baiyun", "白云"}, {"Huangpu", "黄埔"}});
        CITY.put(City.ZHUHAI, new String[][] {{"Zhuhai", "珠海"}, {"Xiangzhou", "香洲"}, {"Hengqin", "横琴"}, {"Jinwan", "金湾"}, {"Doumen", "斗门"}});
        CITY.put(City.FOSHAN, new String[][] {{"Foshan", "佛山"}, {"Chancheng", "禅城"}, {"Nanhai", "南海"}, {"Shunde", "顺德"}, {"Sanshui", "三水"}});
        CITY.put(City.DONGGUAN, new String[][] {{"Dongguan", "东莞"}, {"Songshan Lake", "松山湖"}, {"Nancheng", "南城"}, {"Humen", "虎门"}, {"Chang'an", "长安"}});
        CITY.put(City.ZHONGSHAN, new String[][] {{"Zhongshan", "中山"}, {"Shiqi", "石岐"}, {"Xiaolan", "小榄"}, {"Tanzhou", "坦洲"}});
        CITY.put(City.JIANGMEN, new String[][] {{"Jiangmen", "江门"}, {"Pengjiang", "蓬江"}, {"Xinhui", "新会"}, {"Taishan", "台山"}});
        CITY.put(City.HUIZHOU, new String[][] {{"Huizhou", "惠州"}, {"Huicheng", "惠城"}, {"Huiyang", "惠阳"}, {"Boluo", "博罗"}});
        CITY.put(City.ZHAOQING, new String[][] {{"Zhaoqing", "肇庆"}, {"Duanzhou", "端州"}, {"Gaoyao", "高要"}, {"Sihui", "四会"}});
    }

    private static final String[][] INSTITUTION_KIND = {
            {"People's Hospital", "人民医院"}, {"Hospital of Traditional Chinese Medicine", "中医院"}, {"Maternal and Child Health Hospital", "妇幼保健院"},
            {"Cancer Hospital", "肿瘤医院"}, {"Eye Hospital", "眼科医院"}, {"Stomatological Hospital", "口腔医院"},
            {"United Family Hospital", "和睦家医院"}, {"International Medical Centre", "国际医疗中心"}, {"Children's Hospital", "儿童医院"},
            {"Rehabilitation Hospital", "康复医院"}, {"Central Hospital", "中心医院"}, {"University Affiliated Hospital", "大学附属医院"}};
    private static final String[][] ORDINAL = {{"", ""}, {"First", "第一"}, {"Second", "第二"}, {"Third", "第三"}, {"Fourth", "第四"},
            {"Fifth", "第五"}, {"Sixth", "第六"}, {"Seventh", "第七"}, {"Eighth", "第八"}};

    private final Random random;

    public CatalogGenerator(long seed) {
        this.random = new Random(seed);
    }

    public Catalog generate(int items, int institutions) {
        List<Institution> insts = new ArrayList<>(institutions);
        City[] cities = CITY.keySet().toArray(new City[0]);
        java.util.Arrays.sort(cities);
        for (int i = 0; i < institutions; i++) insts.add(institution(i, cities[random.nextInt(cities.length)]));
        List<RegulatedItem> list = new ArrayList<>(items);
        for (int i = 0; i < items; i++) list.add(random.nextInt(100) < 60 ? drug(i, insts) : device(i, insts));
        return new Catalog(List.of(), insts, list, List.of(), List.of(), List.of());
    }

    private <T> T pick(T[] a) {
        return a[random.nextInt(a.length)];
    }

    private static LocalizedText text(String en, String zhHans) {
        return new LocalizedText(ScriptFiller.toTraditional(zhHans), zhHans, en, List.of("zhHant"));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private RegulatedItem drug(int n, List<Institution> insts) {
        String[] p = pick(PREFIX);
        String[] m = pick(INFIX);
        String[] s = pick(STEM);
        String generic = p[0] + m[0] + s[0];
        String zh = p[1] + m[1] + s[1];
        String en = capital(generic);
        if (random.nextInt(100) < 55) {
            String[] f = pick(FORM);
            int mg = new int[] {5, 10, 25, 50, 100, 150, 200, 400}[random.nextInt(8)];
            en = f[0].startsWith("for") ? en + " " + f[0] : en + " " + f[0] + " " + mg + " mg";
            zh = f[1].equals("注射用") ? f[1] + zh : zh + f[1];
        }
        String[] ind = pick(INDICATION);
        return new RegulatedItem(String.format("gen-drug-%06d", n), ItemKind.DRUG, text(en, zh), generic,
                random.nextInt(100) < 40 ? brand() : null, text(ind[0], ind[1]), pick(AREA), approvals(insts),
                random.nextInt(100) < 30 ? 2024 + random.nextInt(2) : null, random.nextInt(100) < 3 ? DesignationStatus.REMOVED : DesignationStatus.CURRENT,
                List.of(new Source("https://example.org/generated/" + n, null, null)), PartialDate.parse("2025-12"), Confidence.LOW,
                "generated for benchmarks", true);
    }

    private RegulatedItem device(int n, List<Institution> insts) {
        String[] d = pick(DEVICE);
        String[] q = pick(QUALIFIER);
        String en = q[0] + " " + d[0];
        String zh = q[1] + d[1];
        if (random.nextInt(100) < 30) {
            String model = "" + (char) ('A' + random.nextInt(26)) + (100 + random.nextInt(900));
            en += " " + model;
            zh += " " + model;
        }
        String[] ind = pick(INDICATION);
        return new RegulatedItem(String.format("gen-device-%06d", n), ItemKind.DEVICE, text(en, zh), null,
                random.nextInt(100) < 70 ? brand() : null, text(ind[0], ind[1]), pick(AREA), approvals(insts),
                random.nextInt(100) < 30 ? 2024 + random.nextInt(2) : null, random.nextInt(100) < 3 ? DesignationStatus.REMOVED : DesignationStatus.CURRENT,
                List.of(new Source("https://example.org/generated/" + n, null, null)), PartialDate.parse("2025-12"), Confidence.LOW,
                "generated for benchmarks", true);
    }

    private String brand() {
        StringBuilder b = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) b.append(pick(BRAND_SYLLABLE));
        return capital(b.toString());
    }

    private List<Approval> approvals(List<Institution> insts) {
        int count = 1 + random.nextInt(4);
        List<Approval> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < count && !insts.isEmpty(); i++) {
            Institution in = insts.get(random.nextInt(insts.size()));
            if (!seen.add(in.id())) continue;
            out.add(new Approval(in.id(), PartialDate.parse(String.format("%d-%02d", 2021 + random.nextInt(5), 1 + random.nextInt(12))), null,
                    random.nextInt(100) < 4 ? DesignationStatus.REMOVED : DesignationStatus.CURRENT, null));
        }
        return out;
    }

    private Institution institution(int n, City city) {
        String[][] places = CITY.get(city);
        String[] cityName = places[0];
        String[] district = places[1 + random.nextInt(places.length - 1)];
        String[] kind = pick(INSTITUTION_KIND);
        String[] ord = kind[1].equals("人民医院") ? pick(ORDINAL) : ORDINAL[0];
        boolean withDistrict = random.nextBoolean();
        String en = cityName[0] + (withDistrict ? " " + district[0] + " District" : "") + (ord[0].isEmpty() ? "" : " " + ord[0]) + " " + kind[0];
        String zh = cityName[1] + "市" + (withDistrict ? district[1] + "区" : "") + ord[1] + kind[1];
        if (random.nextInt(100) < 15) {
            String[] brand = pick(new String[][] {{"Fosun", "复星"}, {"Taikang", "泰康"}, {"C-MER", "希玛"}, {"Concord", "泰和"}, {"Hengsheng", "恒生"}, {"Hezheng", "禾正"}});
            en = cityName[0] + " " + brand[0] + " " + kind[0];
            zh = cityName[1] + brand[1] + kind[1];
        }
        en += " (" + (n + 1) + ")";
        zh += "（" + (n + 1) + "）";
        int batch = 1 + random.nextInt(4);
        boolean removed = random.nextInt(100) < 3;
        Designation designation = random.nextInt(100) < 90
                ? new Designation(batch, null, PartialDate.parse(new String[] {"2021-08-30", "2023-02-22", "2024-09", "2025-12-08"}[batch - 1]),
                removed ? DesignationStatus.REMOVED : DesignationStatus.CURRENT, removed ? PartialDate.parse("2026-01") : null, null)
                : null;
        SchemeMembership voucher = random.nextInt(100) < 10 ? new SchemeMembership(PartialDate.parse("2024-08-14"), null) : null;
        return new Institution(String.format("gen-inst-%05d", n), text(en, zh), InstitutionKind.HOSPITAL, city,
                text(district[0], district[1]), null, null, designation, voucher, null, null,
                List.of(new Source("https://example.org/generated/inst/" + n, null, null)), PartialDate.parse("2025-12"), Confidence.LOW,
                "generated for benchmarks", true);
    }
}
