using PolicyIngest.Cli;

return await CliHost.RunAsync(CommandCatalog.Build(), args);
