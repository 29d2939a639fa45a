using System.Security.Claims;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>A post about to be changed, and the caller's standing in its community.</summary>
internal sealed record PostTarget(PostResponse Post, CommunityAccess Access)
{
    public bool IsAuthorOrLead(Guid personId) => Post.AuthorId == personId || Access.IsLead;

    /// <summary>A lead's change of someone else's post is moderation, which the audit trail keeps; an author's own change is not.</summary>
    public Task AuditModerationAsync(UnitOfWork work, AuditTrail<CommunitiesDatabase> audit, ClaimsPrincipal user, string action) =>
        Post.AuthorId == user.PersonId()
            ? Task.CompletedTask
            : audit.RecordAsync(work, user, action, $"post:{Post.Id}", ("community", Post.CommunityId), ("author", Post.AuthorId), ("version", Post.Version));

    /// <summary>
    /// Locks the post's community for content (<see cref="CommunityAccess.LockForContentAsync"/>), then
    /// the post itself, alone, and reads it: changes of one post (answers counted, the previously
    /// accepted answer, a reaction against the post's deletion) queue behind each other.
    /// Null when the post does not exist or the caller may not see it: both answer 404.
    /// </summary>
    public static async Task<PostTarget?> LockAsync(
        UnitOfWork work, Guid postId, Guid personId)
    {
        // A post never moves between communities, so its community can be read before the lock.
        var communityId = await work.ScalarAsync<Guid?>(
            "SELECT community_id FROM posts WHERE id = @PostId", new { PostId = postId });
        if (communityId is null)
        {
            return null;
        }

        var access = await CommunityAccess.LockForContentAsync(work, communityId.Value, personId);
        if (access is not { CanSeeContent: true })
        {
            return null;
        }

        // Locked and read after the community: the post may have been deleted while we waited.
        var locked = await work.ScalarAsync<Guid?>(
            $"SELECT id FROM posts WHERE id = @PostId {work.Dialect.ForUpdate}", new { PostId = postId });
        var post = locked is null ? null : await PostReader.ReadOneAsync(work, postId);
        return post is null ? null : new PostTarget(post, access);
    }

    /// <summary>
    /// The post locked for a change only its author or a lead may make (<paramref name="change"/>: "edit",
    /// "delete"), or why not: 404 when it does not exist or is out of sight, 403 for anyone else.
    /// </summary>
    public static async Task<(PostTarget? Target, ProblemHttpResult? Refusal)> LockForAuthorOrLeadAsync(
        UnitOfWork work, Guid postId, Guid personId, string change)
    {
        var target = await LockAsync(work, postId, personId);
        if (target is null)
        {
            return (null, Problems.NotFound("The post"));
        }

        return target.IsAuthorOrLead(personId)
            ? (target, null)
            : (null, Problems.Forbidden($"Only the post's author or a lead of its community can {change} it."));
    }
}
