using Dapper;
using KnowledgeHub.Data;

// Dapper's source generator does not see handlers registered at run time (DapperTypeHandlers.EnsureRegistered):
// the benchmark's [DapperAot] reads get the modules' own handlers declared here instead (ADR 0089).
[module: TypeHandler(typeof(Guid), typeof(DapperTypeHandlers.GuidHandler))]
[module: TypeHandler(typeof(DateTimeOffset), typeof(DapperTypeHandlers.DateTimeOffsetHandler))]
[module: TypeHandler(typeof(DateOnly), typeof(DapperTypeHandlers.DateOnlyHandler))]
