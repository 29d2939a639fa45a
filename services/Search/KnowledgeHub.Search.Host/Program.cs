using KnowledgeHub.Messaging;
using KnowledgeHub.Search;
using KnowledgeHub.ServiceDefaults;

// The Search service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SearchModule.Name);
builder.AddSearch();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSearch();
app.Run();
