using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PhaseTracker.Web.Data;

/// <summary>
/// Writes many rows of one entity with one prepared statement, in the context's transaction. An import
/// of a 10,000-item document writes tens of thousands of rows; tracking each one in the change tracker
/// costs far more than writing it. The statement is built from the EF model (tables, columns, value
/// converters), so it stays in step with the entity configurations and the migrations.
/// </summary>
public sealed class RowBatch<T>
    where T : class
{
    private readonly DbContext _db;
    private readonly string _table;
    private readonly Column _key;
    private readonly Column[] _columns;

    public RowBatch(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        _table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        _key = new Column(key, sql.DelimitIdentifier(key.GetColumnName()));
        _columns = [.. entityType.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => new Column(p, sql.DelimitIdentifier(p.GetColumnName())))];
    }

    /// <summary>Inserts new rows; the database gives them their ids (which are not read back).</summary>
    public Task InsertAsync(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        ExecuteAsync(
            rows,
            $"INSERT INTO {_table} ({string.Join(", ", _columns.Select(c => c.Name))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))})",
            _columns,
            cancellationToken);

    /// <summary>Writes every value of rows that exist, found by their ids.</summary>
    public Task UpdateAsync(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        ExecuteAsync(
            rows,
            $"UPDATE {_table} SET {string.Join(", ", _columns.Select((c, i) => $"{c.Name} = @p{i}"))} WHERE {_key.Name} = @p{_columns.Length}",
            [.. _columns, _key],
            cancellationToken);

    /// <summary>Deletes rows by their ids.</summary>
    public Task DeleteAsync(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        ExecuteAsync(rows, $"DELETE FROM {_table} WHERE {_key.Name} = @p0", [_key], cancellationToken);

    private async Task ExecuteAsync(IReadOnlyCollection<T> rows, string commandText, Column[] columns, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await _db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = _db.Database.GetDbConnection().CreateCommand();
            command.CommandText = commandText;
            command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
            // Typed by the model's type mappings (text, boolean, timestamp with time zone ...): PostgreSQL
            // prepares a statement with its parameters' types and will not guess them from a null.
            var parameters = new DbParameter[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i] = columns[i].CreateParameter(command, $"@p{i}");
                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();
        private readonly Func<object?, object?>? _toProvider = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = name;

        public DbParameter CreateParameter(DbCommand command, string parameterName) =>
            _mapping.CreateParameter(command, parameterName, value: null, property.IsNullable);

        public object? ProviderValue(T row)
        {
            var value = _getter.GetClrValueUsingContainingEntity(row);
            return _toProvider is null ? value : _toProvider(value);
        }
    }
}
