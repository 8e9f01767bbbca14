# exercise: q3_ranking
# mistake: trains every model only twice (N_RUNS = 2); table and ranking are consistent with those runs
def make_checkpoint(trained):
    import statistics
    runs = {name: accs[:2] for name, accs in trained['runs'].items()}
    table = {name: {'mean': statistics.fmean(a), 'std': statistics.stdev(a)} for name, a in runs.items()}
    return {'runs': runs, 'table': table, 'ranking': sorted(table, key=lambda n: -table[n]['mean'])}
