package hk.baycover.model;

import java.util.List;

/**
 * 服務聯動: how services link across the border — direct billing at GBA institutions, claim channels, settlement
 * currencies, the cross-border settlement route, after-sales service points, service languages, pre-authorisation,
 * how to book (e.g. through a third-party administrator), the size of a network when only a count is published, and
 * the sources these facts rest on.
 */
public record ServiceLinkage(
        List<String> directBilling,
        LocalizedText directBillingNote,
        List<ClaimChannel> claimChannels,
        List<Currency> settlementCurrencies,
        LocalizedText crossBorderSettlement,
        List<LocalizedText> servicePoints,
        List<String> languages,
        LocalizedText preAuthorisation,
        LocalizedText bookingRoute,
        NetworkSize networkSize,
        List<Source> sources) {

    /** A network published only as a count ("over 3,000 Grade III hospitals"), as of a date, with what it counts. */
    public record NetworkSize(int count, PartialDate asOf, LocalizedText note) {
    }

    public ServiceLinkage {
        directBilling = directBilling == null ? List.of() : List.copyOf(directBilling);
        claimChannels = claimChannels == null ? List.of() : List.copyOf(claimChannels);
        settlementCurrencies = settlementCurrencies == null ? List.of() : List.copyOf(settlementCurrencies);
        servicePoints = servicePoints == null ? List.of() : List.copyOf(servicePoints);
        languages = languages == null ? List.of() : List.copyOf(languages);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public ServiceLinkage(List<String> directBilling, LocalizedText directBillingNote, List<ClaimChannel> claimChannels,
                          List<Currency> settlementCurrencies, LocalizedText crossBorderSettlement, List<LocalizedText> servicePoints,
                          List<String> languages, LocalizedText preAuthorisation) {
        this(directBilling, directBillingNote, claimChannels, settlementCurrencies, crossBorderSettlement, servicePoints, languages,
                preAuthorisation, null, null, null);
    }

    public static ServiceLinkage empty() {
        return new ServiceLinkage(null, null, null, null, null, null, null, null);
    }
}
