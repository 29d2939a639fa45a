using KnowledgeHub.Messaging;

namespace KnowledgeHub.Search.Feed;

/// <summary>Wakes this instance's follower the moment a local consumer commits a feed entry; other instances' entries are polled.</summary>
internal sealed class SearchFeedSignal : WakeUpSignal;
