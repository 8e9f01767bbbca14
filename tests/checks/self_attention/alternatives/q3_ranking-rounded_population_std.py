# exercise: q3_ranking
# correct: runs, means and standard deviations rounded to two decimals, population standard deviation
def make_checkpoint(trained):
    import statistics
    runs = {name: [round(a, 2) for a in accs] for name, accs in trained['runs'].items()}
    table = {name: {'mean': round(statistics.fmean(a), 2), 'std': round(statistics.pstdev(a), 2)} for name, a in runs.items()}
    return {'runs': runs, 'table': table, 'ranking': sorted(table, key=lambda n: -statistics.fmean(runs[n]))}
