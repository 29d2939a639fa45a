using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Communities.Features.Communities;

/// <summary>What a community must be, whether it is created or edited.</summary>
internal static class CommunityRules
{
    internal sealed record Content(string? Name, string? Description, IReadOnlyList<string?>? Tags, string? Visibility);

    public static Validation Validate(Content content, out IReadOnlyList<string> tags)
    {
        var validation = new Validation()
            .RequireText(content.Name, "name", 100)
            .OptionalText(content.Description, "description", 4000)
            .RequireOneOf(content.Visibility, "visibility", CommunityVisibility.All);
        tags = TagList.Normalize(content.Tags, validation);
        return validation;
    }

    /// <summary>Names are unique whatever their case; <paramref name="exceptId"/> is the community being renamed.</summary>
    public static async Task<bool> NameTakenAsync(UnitOfWork work, string name, Guid? exceptId) =>
        await work.ScalarAsync<long>(
            "SELECT count(*) FROM communities WHERE name_key = @NameKey AND id <> @ExceptId",
            new { NameKey = name.ToLowerInvariant(), ExceptId = exceptId ?? Guid.Empty }) > 0;

    public static ProblemHttpResult NameConflict(string name) => Problems.Conflict($"A community named '{name}' already exists.");
}
