using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double P50 => At(0.50);

    public double P99 => At(0.99);

    public double At(double share) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(share * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count} p50 {P50:0.00} ms p95 {At(0.95):0.00} ms p99 {P99:0.00} ms max {At(1):0.00} ms");
}
