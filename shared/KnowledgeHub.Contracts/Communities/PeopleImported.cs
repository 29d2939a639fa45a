using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>
/// The authors of an imported Q&amp;A history (ADR 0044), before any of their posts: Expertise
/// gives each a profile if they have none, so their imported answers count for them.
/// </summary>
[MessageUrn("knowledgehub:communities:people-imported:v1")]
public sealed record PeopleImported(Guid ImportId, IReadOnlyList<PeopleImported.Person> People)
{
    /// <param name="Id">As for any e-mail: the UUID v5 of the lower-cased address.</param>
    public sealed record Person(Guid Id, string Email, string DisplayName);
}
