# exercise: q3_ranking
# mistake: the table's "mean" is the last run's accuracy
def make_checkpoint(trained):
    table = {name: {'mean': trained['runs'][name][-1], 'std': row['std']} for name, row in trained['table'].items()}
    return dict(trained, table=table)
