using Xunit;

namespace KnowledgeHub.Reliability.Tests;

/// <summary>Every scenario's counts and findings, printed with the test run's output (xunit diagnostic messages).</summary>
public static class FaultReport
{
    public static void Record(Tally tally) => Note(tally.ToString());

    public static void Note(string line) => TestContext.Current.SendDiagnosticMessage(line);
}
