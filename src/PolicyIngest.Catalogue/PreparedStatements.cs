using System.Data.Common;

namespace PolicyIngest.Catalogue;

/// <summary>
/// The statements of one transaction, each prepared once: the first row of a statement creates its command and its
/// parameters, every later row only sets their values (the engine compiles the statement once, not once per row).
/// </summary>
internal sealed class PreparedStatements(CatalogueDialect dialect, DbTransaction tx) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="sql"/> with these values; every row of one statement names the same parameters in the same order.</summary>
    public void Execute(string sql, (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = tx.Connection!.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, _) in args)
            {
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = name;
                cmd.Parameters.Add(parameter);
            }
            dialect.Prepare(cmd);
            _commands.Add(sql, cmd);
        }
        if (cmd.Parameters.Count != args.Length)
            throw new ArgumentException($"{args.Length} values for a statement with {cmd.Parameters.Count} parameters", nameof(args));
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = cmd.Parameters[i];
            if (!string.Equals(parameter.ParameterName, args[i].Name, StringComparison.Ordinal))
                throw new ArgumentException($"parameter {i} is {parameter.ParameterName}, not {args[i].Name}", nameof(args));
            parameter.Value = dialect.Value(args[i].Value);
        }
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values) cmd.Dispose();
    }
}
