namespace KnowledgeHub.Partnerships.Features;

/// <summary>The figures of docs/partnerships.md, in one place.</summary>
internal static class Formulas
{
    /// <summary>Help at which a pair's flow is half way to full: ten answers, or three accepted ones and an endorsement.</summary>
    public const double HalfFlow = 10;

    /// <summary>A department is a silo when at least this much of the help it gives stays inside…</summary>
    public const double SiloInternalShare = 0.75;

    /// <summary>…and it gave at least this much help in the period (too little says nothing).</summary>
    public const double SiloMinimumHelp = 5;

    /// <summary>1 when both give as much as they get, 0 when help flows one way or not at all.</summary>
    public static double Reciprocity(double aToB, double bToA) => Round(Balance(aToB, bToA));

    /// <summary>Flow (saturating with the amount of help) weighed by balance: half for any flow, all of it when mutual.</summary>
    public static double Health(double aToB, double bToA)
    {
        var help = aToB + bToA;
        var flow = help / (help + HalfFlow);
        return Round(flow * (0.5 + (0.5 * Balance(aToB, bToA))));
    }

    /// <summary>Breadth counts more than depth: the square root of the help given to each other department, summed.</summary>
    public static double SpannerScore(IEnumerable<double> helpPerDepartment) => Round(helpPerDepartment.Sum(Math.Sqrt));

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static double Balance(double aToB, double bToA) =>
        Math.Max(aToB, bToA) == 0 ? 0 : Math.Min(aToB, bToA) / Math.Max(aToB, bToA);
}
