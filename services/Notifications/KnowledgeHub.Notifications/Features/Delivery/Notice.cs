namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>
/// What to tell people about one event. <paramref name="DedupeKey"/> names the event (say
/// <c>answer-posted:{answerId}</c>): a recipient holds at most one notification per key, however
/// often the event arrives. <paramref name="ActorId"/>, who caused it, is never told of it.
/// </summary>
internal sealed record Notice(string Kind, string Title, string Url, Guid? ActorId, string DedupeKey);
