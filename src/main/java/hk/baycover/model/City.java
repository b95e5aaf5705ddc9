package hk.baycover.model;

/** The nine Mainland GBA cities, plus Hong Kong and Macao. Names live in the i18n bundles ("city.SHENZHEN"). */
public enum City {
    SHENZHEN, GUANGZHOU, ZHUHAI, FOSHAN, DONGGUAN, ZHONGSHAN, JIANGMEN, HUIZHOU, ZHAOQING, HONG_KONG, MACAO;

    public boolean isMainlandGba() {
        return this != HONG_KONG && this != MACAO;
    }

    public Region region() {
        switch (this) {
            case HONG_KONG: return Region.HONG_KONG;
            case MACAO: return Region.MACAO;
            case SHENZHEN: return Region.SHENZHEN;
            default: return Region.GBA_MAINLAND;
        }
    }
}
