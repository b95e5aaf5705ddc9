package hk.baycover.model;

import java.util.List;

/**
 * 服務聯動: how services link across the border — direct billing at GBA institutions, claim channels, settlement
 * currencies, the cross-border settlement route, after-sales service points, service languages, pre-authorisation.
 */
public record ServiceLinkage(
        List<String> directBilling,
        LocalizedText directBillingNote,
        List<ClaimChannel> claimChannels,
        List<Currency> settlementCurrencies,
        LocalizedText crossBorderSettlement,
        List<LocalizedText> servicePoints,
        List<String> languages,
        LocalizedText preAuthorisation) {

    public ServiceLinkage {
        directBilling = directBilling == null ? List.of() : List.copyOf(directBilling);
        claimChannels = claimChannels == null ? List.of() : List.copyOf(claimChannels);
        settlementCurrencies = settlementCurrencies == null ? List.of() : List.copyOf(settlementCurrencies);
        servicePoints = servicePoints == null ? List.of() : List.copyOf(servicePoints);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public static ServiceLinkage empty() {
        return new ServiceLinkage(null, null, null, null, null, null, null, null);
    }
}
