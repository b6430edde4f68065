using PolicyIngest.Core;

namespace PolicyIngest.Catalogue.Tests;

/// <summary>What <c>--db</c> accepts as a PostgreSQL catalogue, and the local folder its files go to.</summary>
public sealed class CatalogueAddressTest
{
    public static TheoryData<string, CatalogueAddress, string> Accepted => new()
    {
        // why: the documented form
        { "postgresql://policy@db.example:6543/catalogue", new("policy", null, "db.example", 6543, "catalogue"), "pg-db.example-6543-catalogue" },
        // why: no port is PostgreSQL's default
        { "postgresql://policy@127.0.0.1/catalogue", new("policy", null, "127.0.0.1", 5432, "catalogue"), "pg-127.0.0.1-5432-catalogue" },
        // why: libpq's short scheme, a password, and an escaped character in it
        { "postgres://policy:p%40ss@localhost:5432/cat_2026", new("policy", "p@ss", "localhost", 5432, "cat_2026"), "pg-localhost-5432-cat_2026" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_Accepted(string url, CatalogueAddress expected, string folder)
    {
        Assert.True(CatalogueAddress.IsPostgres(url));
        var address = CatalogueAddress.Parse(url);
        Assert.Equal(expected, address);
        Assert.Equal(folder, address.DataFolderName);
        Assert.DoesNotContain("p@ss", address.ToString());
    }

    [Theory]
    [InlineData("postgresql://db.example:5432/catalogue")]   // why: no user
    [InlineData("postgresql://policy@db.example:5432/")]     // why: no database
    [InlineData("postgresql://policy@db.example/a/b")]       // why: a path, not one database name
    [InlineData("postgresql://")]                            // why: nothing after the scheme
    public void Parse_Rejected(string url) => Assert.Throws<FormatException>(() => CatalogueAddress.Parse(url));

    [Theory]
    [InlineData("data/policyingest.db")]        // why: the default, a SQLite file
    [InlineData("/srv/postgresql/catalogue.db")] // why: a file in a folder named postgresql
    [InlineData("postgresql.db")]
    public void IsPostgres_FilesAreNot(string path) => Assert.False(CatalogueAddress.IsPostgres(path));
}
