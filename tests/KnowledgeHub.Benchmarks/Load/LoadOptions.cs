using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// What <c>load</c> was asked to do, bounded so that a typing slip cannot flood a deployment:
/// at most <see cref="MaxRate"/> requests a second, <see cref="MaxStep"/> a step and
/// <see cref="MaxTotal"/> in all.
/// </summary>
internal sealed record LoadOptions(Uri Target, IReadOnlyList<int> Rates, TimeSpan Step, int Users, string? Token, double WriteShare, int MaxInFlight, string? Postgres)
{
    public const int MaxRate = 2_000;
    public static readonly TimeSpan MaxStep = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxTotal = TimeSpan.FromMinutes(60);

    public const string Usage = """
        dotnet run -c Release --project tests/KnowledgeHub.Benchmarks -- load --target URL [options]
          --rates 25,50,100     requests a second offered, one step each, in this order (1 to 2000)
          --seconds 60          length of each step (5 to 600); all steps together at most 60 minutes
          --users 50            people signed in through the hub's dev sign-in, the load spread over them (1 to 500)
          --token TOKEN         a bearer token to use instead (a hub with single sign-on): one person,
                                who needs the executive role for the scorecard reads
          --write-share 0.3     share of requests that write (0 to 1)
          --max-in-flight 256   requests outstanding at once before the generator counts one as not sent (1 to 4096)
          --postgres "Host=…;Username=…;Password=…"
                                the hub's PostgreSQL server, to read each service's outbox lag every 5 s
        Stops after the step where the hub saturated (under 90 % of the offered rate done, 1 % failed, or read p99 over 2 s).
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            if (!args[index].StartsWith("--", StringComparison.Ordinal) || index + 1 >= args.Count)
            {
                throw new ArgumentException($"'{args[index]}' is not an option with a value.");
            }

            values[args[index][2..]] = args[index + 1];
        }

        var unknown = values.Keys.Except(["target", "rates", "seconds", "users", "token", "write-share", "max-in-flight", "postgres"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option --{unknown[0]}.");
        }

        if (!values.TryGetValue("target", out var target) || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri) || targetUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("--target must be the hub's http:// or https:// address.");
        }

        var rates = values.GetValueOrDefault("rates", "25,50,100").Split(',').Select(rate => Number("rates", rate, 1, MaxRate)).ToList();
        var step = TimeSpan.FromSeconds(Number("seconds", values.GetValueOrDefault("seconds", "60"), 5, (int)MaxStep.TotalSeconds));
        if (step * rates.Count > MaxTotal)
        {
            throw new ArgumentException($"{rates.Count} steps of {step.TotalSeconds} s exceed {MaxTotal.TotalMinutes} minutes.");
        }

        var writeShare = double.TryParse(values.GetValueOrDefault("write-share", "0.3"), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new ArgumentException("--write-share must be a number from 0 to 1.");
        return new LoadOptions(
            targetUri,
            rates,
            step,
            Number("users", values.GetValueOrDefault("users", "50"), 1, 500),
            values.GetValueOrDefault("token"),
            writeShare,
            Number("max-in-flight", values.GetValueOrDefault("max-in-flight", "256"), 1, 4096),
            values.GetValueOrDefault("postgres"));
    }

    private static int Number(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{option} must be a whole number from {min} to {max}, not '{text}'.");
}
