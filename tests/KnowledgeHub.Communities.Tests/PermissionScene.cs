using System.Net;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Communities.Tests;

/// <summary>One community as the permission tests see it: its id, a question of the author's and an answer of the member's.</summary>
internal sealed record SceneCommunity(string Id, string Name, string Visibility, string QuestionId, string AnswerId);

/// <summary>
/// The same people around an open and a closed community: a lead, a member, an author (a member who
/// asked a question), an applicant whose request to join the closed one waits, and an outsider.
/// </summary>
internal sealed class PermissionScene
{
    public const string Lead = "lead";
    public const string Member = "member";
    public const string Author = "author";
    public const string Applicant = "applicant";
    public const string Outsider = "outsider";

    private PermissionScene(IReadOnlyDictionary<string, (TestUser User, HttpClient Client)> people, SceneCommunity open, SceneCommunity closed)
    {
        People = people;
        Open = open;
        Closed = closed;
    }

    public IReadOnlyDictionary<string, (TestUser User, HttpClient Client)> People { get; }

    public SceneCommunity Open { get; }

    public SceneCommunity Closed { get; }

    public HttpClient Client(string actor) => People[actor].Client;

    public static async Task<PermissionScene> CreateAsync(ModuleTestHost host)
    {
        var people = new[] { Lead, Member, Author, Applicant, Outsider }.ToDictionary(
            actor => actor,
            actor =>
            {
                var user = TestUser.Employee(actor);
                return (user, host.CreateClient(user));
            });
        return new PermissionScene(people, await ArrangeAsync(people, "open"), await ArrangeAsync(people, "closed"));
    }

    /// <summary>Sends <paramref name="request"/> as each actor and fails with every status that differs from the table.</summary>
    public async Task ExpectAsync(
        Func<HttpClient, SceneCommunity, Task<HttpResponseMessage>> request,
        IReadOnlyDictionary<string, HttpStatusCode> open,
        IReadOnlyDictionary<string, HttpStatusCode> closed)
    {
        var mismatches = new List<string>();
        foreach (var (community, expectations) in new[] { (Open, open), (Closed, closed) })
        {
            foreach (var (actor, expected) in expectations)
            {
                using var response = await request(Client(actor), community);
                if (response.StatusCode != expected)
                {
                    mismatches.Add(
                        $"{community.Visibility} community, {actor}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Xunit.Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static async Task<SceneCommunity> ArrangeAsync(IReadOnlyDictionary<string, (TestUser User, HttpClient Client)> people, string visibility)
    {
        var lead = people[Lead].Client;
        var community = await lead.CreateCommunityAsync(visibility);
        var id = community.Id();
        foreach (var actor in new[] { Member, Author })
        {
            if (await people[actor].Client.JoinAsync(id) == "pending")
            {
                await lead.SetMemberAsync(id, people[actor].User.Id, "member");
            }
        }

        if (visibility == "closed")
        {
            await people[Applicant].Client.JoinAsync(id);
        }

        var question = await people[Author].Client.PublishAsync(id, CommunityApi.Question());
        var answer = await people[Member].Client.AnswerAsync(question.Id());
        return new SceneCommunity(id, community["name"]!.GetValue<string>(), visibility, question.Id(), answer.Id());
    }
}
