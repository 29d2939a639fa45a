using System.Globalization;

namespace KnowledgeHub.Benchmarks;

/// <summary>One measured figure beside its target; <see cref="Met"/> is null where no target applies.</summary>
internal sealed record Figure(string What, string Measured, string Target, bool? Met);

/// <summary>Collects the figures of every scenario and prints them as one table at the end.</summary>
internal sealed class Report
{
    private readonly List<Figure> _figures = [];

    public void Add(string what, double measured, string unit, string target, bool? met) =>
        Add(new Figure(what, string.Create(CultureInfo.InvariantCulture, $"{measured:0.###} {unit}").Trim(), target, met));

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.What}: {figure.Measured} (target {figure.Target})");
    }

    public void NotMeasured(string what, string target, string why) => Add(new Figure(what, $"not measured: {why}", target, Met: false));

    public void Print()
    {
        var width = _figures.Max(figure => figure.What.Length);
        var measuredWidth = _figures.Max(figure => figure.Measured.Length);
        Console.WriteLine();
        Console.WriteLine($"{"figure".PadRight(width)}  {"measured".PadRight(measuredWidth)}  target");
        foreach (var figure in _figures)
        {
            var verdict = figure.Met switch { true => "met", false => "MISSED", null => "" };
            Console.WriteLine($"{figure.What.PadRight(width)}  {figure.Measured.PadRight(measuredWidth)}  {figure.Target}  {verdict}");
        }

        Console.WriteLine();
        Console.WriteLine($"{_figures.Count(figure => figure.Met == true)} targets met, {_figures.Count(figure => figure.Met == false)} missed");
    }
}
