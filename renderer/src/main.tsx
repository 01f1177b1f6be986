document.getElementById('root')!.textContent = 'ServiceHall';
