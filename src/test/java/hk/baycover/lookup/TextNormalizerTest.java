package hk.baycover.lookup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormalizerTest {

    @Test
    void foldsScriptWidthCaseAndPunctuation() {
        assertEquals("劳拉替尼", TextNormalizer.normalize("勞拉替尼"));
        assertEquals("劳拉替尼", TextNormalizer.normalize("劳拉替尼"));
        assertEquals("lorlatinib", TextNormalizer.normalize("ＬＯＲＬＡＴＩＮＩＢ"));
        assertEquals("lorlatinib", TextNormalizer.normalize("  LorLatinib  "));
        assertEquals("hku szh", TextNormalizer.normalize("HKU-SZH"));
        assertEquals("新型人工耳蜗", TextNormalizer.normalize("新型人工耳蝸"));
        assertEquals("香港大学深圳医院", TextNormalizer.normalize("香港大學深圳醫院"));
        assertEquals("珠海市人民医院 横琴院区", TextNormalizer.normalize("珠海市人民醫院(橫琴院區)"));
        assertEquals("sjogren", TextNormalizer.normalize("Sjögren"));
        assertEquals("guangdong people s hospital", TextNormalizer.normalize("Guangdong People's Hospital"));
    }

    @Test
    void hostileInputFoldsToNothingOrPlainText() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize("   \t\n "));
        assertEquals("", TextNormalizer.normalize("\"*'()"));
        assertEquals("", TextNormalizer.normalize("🙂🚑"));
        assertEquals("or", TextNormalizer.normalize("OR"));
        assertEquals("a near b", TextNormalizer.normalize("a NEAR(b)"));
        assertEquals("劳拉 替尼", TextNormalizer.normalize("勞拉🙂替尼"));
        assertEquals("ab", TextNormalizer.normalize("a\u200Db")); // zero-width joiner is ignorable
    }

    @Test
    void foldIsIdempotent() {
        String[] samples = {"勞拉替尼", "乾隆", "後來", "髮型", "醫療券", "ＡＢＣ１２３", "Ⅻ", "ﬁ"};
        for (String s : samples) {
            String once = TextNormalizer.normalize(s);
            assertEquals(once, TextNormalizer.normalize(once), s);
        }
    }

    @Test
    void keptHanFoldsFoldExactlyAsTheTransliteratorDoes() {
        String pairs = TextNormalizer.hanFolds();
        assertEquals(0, pairs.length() % 2);
        org.junit.jupiter.api.Assertions.assertTrue(pairs.length() > 2000, "thousands of Traditional characters fold: " + pairs.length() / 2);
        String sample = "勞拉替尼 醫院 耳蝸 東莞 廣州 香港大學深圳醫院 鐵 體 龍 LORLATINIB Ｌｏｒ 劳拉替尼";
        String before = TextNormalizer.normalize(sample);
        for (int i = 0; i < pairs.length(); i += 2) {
            assertEquals(pairs.charAt(i + 1), TextNormalizer.foldHan(pairs.charAt(i)));
        }
        TextNormalizer.useHanFolds(pairs);
        assertEquals(before, TextNormalizer.normalize(sample));
        assertEquals("劳拉替尼 医院 耳蜗 东莞 广州 香港大学深圳医院 铁 体 龙 lorlatinib lor 劳拉替尼", TextNormalizer.normalize(sample));
    }
}
