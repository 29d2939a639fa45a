using System.Globalization;
using KnowledgeHub.Alignment.Features.Projects;
using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Alignment.Features.Scorecard;

/// <summary>
/// How budgets in different currencies add up: <c>Alignment:Currencies:Base</c> (EUR unless set)
/// and <c>Alignment:Currencies:Rates:{code}</c>, the value of one unit of <c>code</c> in the base
/// currency. A currency without a rate cannot be added to the others.
/// </summary>
internal sealed class CurrencyRates
{
    public const string Section = "Alignment:Currencies";
    public const string DefaultBase = "EUR";

    private readonly Dictionary<string, decimal> _rates;

    private CurrencyRates(string baseCurrency, Dictionary<string, decimal> rates)
    {
        Base = baseCurrency;
        _rates = rates;
        _rates[baseCurrency] = 1m;
    }

    public string Base { get; }

    /// <summary>Reads and checks the settings; a wrong one stops the service at start rather than skewing figures.</summary>
    public static CurrencyRates From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var configuredBase = section["Base"];
        var baseCurrency = string.IsNullOrWhiteSpace(configuredBase) ? DefaultBase : ProjectRules.NormalizeCurrency(configuredBase)
            ?? throw new InvalidOperationException($"'{Section}:Base' is '{configuredBase}'; it must be a three-letter ISO 4217 code.");
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var rate in section.GetSection("Rates").GetChildren())
        {
            var code = ProjectRules.NormalizeCurrency(rate.Key)
                ?? throw new InvalidOperationException($"'{rate.Path}' does not name a three-letter ISO 4217 currency.");
            if (!decimal.TryParse(rate.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new InvalidOperationException($"'{rate.Path}' is '{rate.Value}'; it must be a positive number (one {code} in {baseCurrency}).");
            }

            rates[code] = value;
        }

        return new CurrencyRates(baseCurrency, rates);
    }

    public bool CanConvert(string currency) => _rates.ContainsKey(currency);

    /// <summary>The setting that gives <paramref name="currency"/> a rate.</summary>
    public static string RateSetting(string currency) => $"{Section}:Rates:{currency}";

    /// <summary>The amount in the base currency; only for currencies that <see cref="CanConvert"/>.</summary>
    public decimal ToBase(decimal amount, string currency) => amount * _rates[currency];
}
