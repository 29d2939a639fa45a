namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>Exit codes with which a service tells whoever runs it what to do next.</summary>
public static class ProcessExitCodes
{
    /// <summary>EX_TEMPFAIL: a temporary failure the process cannot mend from inside; start it again (docs/adr/0085).</summary>
    public const int StartAgain = 75;
}
