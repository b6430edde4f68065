using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using PolicyIngest.Core;

namespace PolicyIngest.TestSupport;

/// <summary>
/// A PostgreSQL server for tests. <c>$POLICYINGEST_TEST_PG</c> (a <c>postgresql://</c> URL of a running server whose user
/// may create databases; test.sh starts one) when set; otherwise a throwaway cluster this process starts on first use —
/// initdb in a temporary folder, trust authentication on 127.0.0.1, a free loopback port — and that a watchdog stops and
/// deletes once this process has exited, however it exits. PostgreSQL refuses to run as root: as root the cluster belongs to the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "POLICYINGEST_TEST_PG";
    public const string Binaries = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(CatalogueAddress admin) => Admin = admin;

    /// <summary>The server of this test process.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>The maintenance database and a user that may create databases.</summary>
    public CatalogueAddress Admin { get; }

    /// <summary>A new empty database with a random name, dropped when the result is disposed.</summary>
    public PostgresDatabase CreateDatabase()
    {
        var name = "pi_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        return new PostgresDatabase(this, Admin with { Database = name });
    }

    internal void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(Admin) + ";Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string ConnectionString(CatalogueAddress a) => new NpgsqlConnectionStringBuilder
    {
        Host = a.Host, Port = a.Port, Username = a.User, Password = a.Password, Database = a.Database,
    }.ToString();

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url) return new PostgresServer(CatalogueAddress.Parse(url));
        var cluster = ThrowawayCluster.Start();
        return new PostgresServer(new CatalogueAddress("postgres", null, "127.0.0.1", cluster.Port, "postgres"));
    }

    /// <summary>initdb + pg_ctl in a temporary folder, stopped and deleted by a watchdog when this process is gone.</summary>
    private sealed class ThrowawayCluster
    {
        private readonly string _folder;

        private ThrowawayCluster(string folder, int port)
        {
            _folder = folder;
            Port = port;
        }

        public int Port { get; }

        private string Data => Path.Combine(_folder, "data");

        public static ThrowawayCluster Start()
        {
            var folder = Directory.CreateTempSubdirectory("policyingest-pg-").FullName;
            if (Environment.IsPrivilegedProcess) Run("chown", "postgres:postgres", folder);
            var cluster = new ThrowawayCluster(folder, FreePort());
            cluster.AsOwner("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            cluster.AsOwner("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-c listen_addresses=127.0.0.1 -p {cluster.Port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            cluster.StartWatchdog();
            return cluster;
        }

        // Not a ProcessExit handler: the test host is killed soon after the last test, before pg_ctl stop and the delete
        // are done. A session of its own, so killing the test host's process tree does not take it along.
        private void StartWatchdog()
        {
            var stop = string.Join(' ', Command("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop").Select(Quote));
            var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf {Quote(_folder)}";
            // Its standard streams are pipes of its own, never the test host's (a runner waits for those to close).
            var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "sh", "-c", script }) start.ArgumentList.Add(a);
            Process.Start(start)!.Dispose();
        }

        private void AsOwner(string tool, params string[] args)
        {
            var command = Command(tool, args);
            Run(command[0], command[1..]);
        }

        private static string[] Command(string tool, params string[] args)
        {
            var binary = Path.Combine(Binaries, tool);
            return Environment.IsPrivilegedProcess ? ["runuser", "-u", "postgres", "--", binary, .. args] : [binary, .. args];
        }

        private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static void Run(string file, params string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}

/// <summary>One test's database on a <see cref="PostgresServer"/>: <see cref="Url"/> names it for <c>--db</c>.</summary>
public sealed class PostgresDatabase(PostgresServer server, CatalogueAddress address) : IDisposable
{
    public CatalogueAddress Address { get; } = address;

    public string Url => Address.Password is null ? Address.ToString()
        : $"postgresql://{Uri.EscapeDataString(Address.User)}:{Uri.EscapeDataString(Address.Password)}@{Address.Host}:{Address.Port}/{Address.Database}";

    /// <summary>Runs one statement in this database as the server's admin user, on a connection of its own; its first value.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = Address.Host, Port = Address.Port, Username = Address.User, Password = Address.Password, Database = Address.Database,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        server.Execute($"DROP DATABASE IF EXISTS {Address.Database} WITH (FORCE)");
    }
}
